package parley.codegen;

import java.util.Map;

/** JavaScript for Node with the {@code openai} package, as an ES module ({@code main.mjs}). */
final class NodeOpenAiGenerator implements CodeGenerator {
    private static final LiteralWriter JS = new LiteralWriter(Syntax.JAVASCRIPT, "  ");

    public String id() { return "node-openai"; }

    public String label() { return "Node.js (openai)"; }

    public String fileName() { return "main.mjs"; }

    public String generate(CodeRequest request) {
        String apiKey = request.hasKey()
                ? "apiKey,"
                : "\"none\", // this server needs no key";
        return Template.load(request.streaming() ? "node-openai-stream.mjs" : "node-openai.mjs").render(Map.of(
                "key_check", NodeFetchGenerator.keyCheck(request),
                "api_key", apiKey,
                "base_url", Quote.cStyle(request.baseUrl()),
                "body", JS.write(BodyTree.of(request.request()))));
    }
}
