package parley.codegen;

import java.util.Map;

/** JavaScript with the built-in {@code fetch} (Node 18 or newer, Deno, Bun), as an ES module. */
final class NodeFetchGenerator implements CodeGenerator {
    private static final LiteralWriter JS = new LiteralWriter(Syntax.JAVASCRIPT, "  ");

    public String id() { return "node-fetch"; }

    public String label() { return "JavaScript (fetch)"; }

    public String fileName() { return "main.mjs"; }

    public String generate(CodeRequest request) {
        String auth = request.hasKey() ? "Authorization: `Bearer ${apiKey}`," : "";
        return Template.load(request.streaming() ? "node-fetch-stream.mjs" : "node-fetch.mjs").render(Map.of(
                "key_check", keyCheck(request),
                "url", Quote.cStyle(request.endpoint()),
                "auth", auth,
                "body", JS.write(BodyTree.of(request.request()))));
    }

    /** JavaScript's check of the key's variable; shared by both Node snippets. */
    static String keyCheck(CodeRequest request) {
        if (!request.hasKey()) {
            return "";
        }
        return "const apiKey = process.env." + request.keyEnv() + ";\n"
                + "if (!apiKey) {\n"
                + "  console.error(" + Quote.cStyle(request.missingKeyMessage()) + ");\n"
                + "  process.exit(1);\n"
                + "}\n";
    }
}
