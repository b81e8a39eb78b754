package parley.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Python with the {@code openai} package. The parameters the SDK names become keyword arguments;
 * provider-specific fields go in {@code extra_body}, which the SDK merges into the JSON body. A
 * request with tools runs the tool-call loop: the conversation is a variable the loop appends the
 * assistant's calls and the tools' results to, until the model answers.
 */
final class PythonOpenAiGenerator implements CodeGenerator {
    private static final LiteralWriter PYTHON = new LiteralWriter(Syntax.PYTHON, "    ");
    /** The keyword arguments of the SDK's {@code chat.completions.create} that Parley's request can carry. */
    private static final Set<String> NAMED = Set.of("model", "messages", "max_tokens", "temperature", "top_p",
            "frequency_penalty", "presence_penalty", "stop", "seed", "n", "logprobs", "top_logprobs",
            "response_format", "tools", "tool_choice", "parallel_tool_calls", "user", "reasoning_effort",
            "stream", "stream_options");

    public String id() { return "python-openai"; }

    public String label() { return "Python (openai)"; }

    public String fileName() { return "main.py"; }

    public String generate(CodeRequest request) {
        String apiKey = request.hasKey()
                ? "api_key,"
                : "\"none\",  # this server needs no key";
        ObjectNode body = BodyTree.of(request.request());
        boolean loop = BodyTree.offersTools(body);
        return Template.load(templateName(request.streaming(), loop)).render(Map.of(
                "key_check", PythonRequestsGenerator.keyCheck(request),
                "api_key", apiKey,
                "base_url", Quote.cStyle(request.baseUrl()),
                "messages", PYTHON.write(body.path("messages")),
                "arguments", arguments(body, loop),
                "mcp_note", BodyTree.mcpNote(body, "#", "run_tool()")));
    }

    private static String templateName(boolean streaming, boolean loop) {
        return "python-openai" + (loop ? "-tools" : "") + (streaming ? "-stream" : "") + ".py";
    }

    /** One keyword argument a line; in the tool loop the messages are the loop's variable. */
    private static String arguments(ObjectNode body, boolean loop) {
        StringBuilder out = new StringBuilder();
        ObjectNode extra = body.objectNode();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (loop && name.equals("messages")) {
                out.append("messages=messages,\n");
            } else if (NAMED.contains(name)) {
                out.append(name).append('=').append(PYTHON.write(field.getValue())).append(",\n");
            } else {
                extra.set(name, field.getValue());
            }
        }
        if (!extra.isEmpty()) {
            out.append("extra_body=").append(PYTHON.write(extra)).append(",\n");
        }
        return out.toString().stripTrailing();
    }
}
