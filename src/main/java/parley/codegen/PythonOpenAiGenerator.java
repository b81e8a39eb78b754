package parley.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Python with the {@code openai} package. The parameters the SDK names become keyword arguments;
 * provider-specific fields go in {@code extra_body}, which the SDK merges into the JSON body.
 */
final class PythonOpenAiGenerator implements CodeGenerator {
    private static final LiteralWriter PYTHON = new LiteralWriter(Syntax.PYTHON, "    ");
    private static final Set<String> NAMED = Set.of("model", "messages", "max_tokens", "temperature", "top_p",
            "frequency_penalty", "presence_penalty", "stop", "stream", "stream_options");

    public String id() { return "python-openai"; }

    public String label() { return "Python (openai)"; }

    public String fileName() { return "main.py"; }

    public String generate(CodeRequest request) {
        String apiKey = request.hasKey()
                ? "api_key,"
                : "\"none\",  # this server needs no key";
        return Template.load(request.streaming() ? "python-openai-stream.py" : "python-openai.py").render(Map.of(
                "key_check", PythonRequestsGenerator.keyCheck(request),
                "api_key", apiKey,
                "base_url", Quote.cStyle(request.baseUrl()),
                "arguments", arguments(BodyTree.of(request.request()))));
    }

    private static String arguments(ObjectNode body) {
        StringBuilder out = new StringBuilder();
        ObjectNode extra = body.objectNode();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (NAMED.contains(field.getKey())) {
                out.append(field.getKey()).append('=').append(PYTHON.write(field.getValue())).append(",\n");
            } else {
                extra.set(field.getKey(), field.getValue());
            }
        }
        if (!extra.isEmpty()) {
            out.append("extra_body=").append(PYTHON.write(extra)).append(",\n");
        }
        return out.toString().stripTrailing();
    }
}
