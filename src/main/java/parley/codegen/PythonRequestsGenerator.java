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
                ? "\"Authorization\": f\"Bearer {os.environ['" + request.keyEnv() + "']}\","
                : "";
        return Template.load(request.streaming() ? "python-requests-stream.py" : "python-requests.py").render(Map.of(
                "url", Quote.cStyle(request.endpoint()),
                "auth", auth,
                "body", PYTHON.write(BodyTree.of(request.request()))));
    }
}
