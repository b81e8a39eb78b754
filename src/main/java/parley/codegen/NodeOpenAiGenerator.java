package parley.codegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JavaScript for Node with the {@code openai} package, as an ES module ({@code main.mjs}). The body is
 * passed to the SDK as it goes on the wire (the SDK sends unknown fields as they are). A request with
 * tools runs the tool-call loop, appending the assistant's calls and the tools' results to its
 * messages until the model answers.
 */
final class NodeOpenAiGenerator implements CodeGenerator {
    private static final LiteralWriter JS = new LiteralWriter(Syntax.JAVASCRIPT, "  ");

    public String id() { return "node-openai"; }

    public String label() { return "Node.js (openai)"; }

    public String fileName() { return "main.mjs"; }

    public String generate(CodeRequest request) {
        String apiKey = request.hasKey()
                ? "apiKey,"
                : "\"none\", // this server needs no key";
        ObjectNode body = BodyTree.of(request.request());
        String template = "node-openai" + (BodyTree.offersTools(body) ? "-tools" : "")
                + (request.streaming() ? "-stream" : "") + ".mjs";
        return Template.load(template).render(Map.of(
                "key_check", NodeFetchGenerator.keyCheck(request),
                "api_key", apiKey,
                "base_url", Quote.cStyle(request.baseUrl()),
                "body", JS.write(body),
                "mcp_note", BodyTree.mcpNote(body, "//", "runTool()")));
    }
}
