package parley.codegen;

import java.util.Map;

/** Python with the {@code requests} package, as on the provider's page. */
final class PythonRequestsGenerator implements CodeGenerator {
    private static final LiteralWriter PYTHON = new LiteralWriter(Syntax.PYTHON, "    ");

    public String id() { return "python-requests"; }

    public String label() { return "Python (requests)"; }

    public String fileName() { return "main.py"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey()
                ? "\"Authorization\": f\"Bearer {api_key}\","
                : "";
        return Template.load(request.streaming() ? "python-requests-stream.py" : "python-requests.py").render(Map.of(
                "key_check", keyCheck(request),
                "url", Quote.cStyle(request.endpoint()),
                "auth", auth,
                "body", PYTHON.write(BodyTree.of(request.request()))));
    }

    /** Python's check of the key's variable; shared by both Python snippets. */
    static String keyCheck(CodeRequest request) {
        if (!request.hasKey()) {
            return "";
        }
        return "api_key = os.environ.get(" + Quote.cStyle(request.keyEnv()) + ")\n"
                + "if not api_key:\n"
                + "    sys.exit(" + Quote.cStyle(request.missingKeyMessage()) + ")\n";
    }
}
