package parley.codegen;

import java.util.Map;

/** Go with {@code net/http} and {@code encoding/json} only (Go 1.18 or newer): {@code go run main.go}. */
final class GoGenerator implements CodeGenerator {
    private static final LiteralWriter GO = new LiteralWriter(Syntax.GO, "\t");

    public String id() { return "go"; }

    public String label() { return "Go (net/http)"; }

    public String fileName() { return "main.go"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey() ? "req.Header.Set(\"Authorization\", \"Bearer \"+apiKey)" : "";
        return Template.load(request.streaming() ? "go-stream.go" : "go.go").render(Map.of(
                "key_check", keyCheck(request),
                "url", Quote.cStyle(request.endpoint()),
                "auth", auth,
                "body", GO.write(BodyTree.of(request.request()))));
    }

    private static String keyCheck(CodeRequest request) {
        if (!request.hasKey()) {
            return "";
        }
        return "apiKey := os.Getenv(" + Quote.cStyle(request.keyEnv()) + ")\n"
                + "if apiKey == \"\" {\n"
                + "\tfmt.Fprintln(os.Stderr, " + Quote.cStyle(request.missingKeyMessage()) + ")\n"
                + "\tos.Exit(1)\n"
                + "}\n";
    }
}
