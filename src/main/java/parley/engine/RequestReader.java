package parley.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.RequestValidator;

/**
 * Reads the body of {@code POST /v1/chat/completions} into the project's {@link ChatRequest} and
 * checks it with the same {@link RequestValidator} the client uses, so a value the app would never
 * send is refused here too. Mistyped values are refused, not replaced by a default. Pure.
 */
final class RequestReader {
    /** Parameters this engine does not offer, refused rather than ignored. */
    private static final Map<String, String> REFUSED = Map.of(
            "tools", "tools: the built-in engine does not call tools; leave tools out, or use a server that does",
            "functions", "functions: the built-in engine does not call functions; leave functions out",
            "tool_choice", "tool_choice: the built-in engine does not call tools; leave tool_choice out",
            "top_logprobs", "top_logprobs: the built-in engine does not report log probabilities; leave top_logprobs out");

    private final ObjectMapper json;

    RequestReader(ObjectMapper json) {
        this.json = json;
    }

    /** A checked request and its seed (null for a random one). */
    record Read(ChatRequest request, Integer seed) {
        boolean includeUsage() {
            return request.streamOptions() != null && Boolean.TRUE.equals(request.streamOptions().includeUsage());
        }
    }

    Read read(String body) throws BadRequest {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadRequest.of(null, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw BadRequest.of(null, "the body must be a JSON object with model and messages");
        }
        refuseUnsupported(root);
        ChatRequest request = new ChatRequest(
                text(root, "model"), messages(root.get("messages")),
                integer(root, root.has("max_tokens") ? "max_tokens" : "max_completion_tokens"),
                number(root, "temperature"), number(root, "top_p"),
                number(root, "frequency_penalty"), number(root, "presence_penalty"),
                stop(root.get("stop")), bool(root, "stream"), streamOptions(root.get("stream_options")), null);
        List<String> problems = RequestValidator.problems(request);
        if (!problems.isEmpty()) {
            String first = problems.getFirst();
            throw BadRequest.of(first.substring(0, Math.max(0, first.indexOf(':'))), String.join("; ", problems));
        }
        return new Read(request, seed(root));
    }

    private static void refuseUnsupported(JsonNode root) throws BadRequest {
        for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
            JsonNode value = root.get(refused.getKey());
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty()) && !value.asText().equals("none")) {
                throw BadRequest.of(refused.getKey(), refused.getValue());
            }
        }
        if (root.path("logprobs").asBoolean(false)) {
            throw BadRequest.of("logprobs", "logprobs: the built-in engine does not report log probabilities; leave logprobs out");
        }
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asLong() == 1)) {
            throw BadRequest.of("n", "n: the built-in engine answers with one choice; leave n out or set it to 1 (was " + n + ")");
        }
    }

    private static List<ChatMessage> messages(JsonNode node) throws BadRequest {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw BadRequest.of("messages", "messages: must be an array of {role, content} objects");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode message = node.get(i);
            if (!message.isObject()) {
                throw BadRequest.of("messages[" + i + "]", "messages[" + i + "]: must be an object with role and content");
            }
            messages.add(new ChatMessage(message.path("role").isTextual() ? message.get("role").asText() : null,
                    content(message.get("content"), i)));
        }
        return messages;
    }

    /** A string, or the text parts of an array of content parts. */
    private static String content(JsonNode node, int index) throws BadRequest {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        String param = "messages[" + index + "].content";
        if (!node.isArray()) {
            throw BadRequest.of(param, param + ": must be a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            if (!part.path("type").asText().equals("text") || !part.path("text").isTextual()) {
                throw BadRequest.of(param, param + ": only text parts are understood by the built-in engine (was "
                        + part.path("type").asText("no type") + ")");
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    private static List<String> stop(JsonNode node) throws BadRequest {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw BadRequest.of("stop", "stop: must be a string or an array of strings");
        }
        List<String> stop = new ArrayList<>();
        for (JsonNode s : node) {
            if (!s.isTextual()) {
                throw BadRequest.of("stop", "stop: must be a string or an array of strings (found " + s + ")");
            }
            stop.add(s.asText());
        }
        return stop;
    }

    private static ChatRequest.StreamOptions streamOptions(JsonNode node) throws BadRequest {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode include = node.get("include_usage");
        if (!node.isObject() || (include != null && !include.isBoolean() && !include.isNull())) {
            throw BadRequest.of("stream_options", "stream_options: must be an object like {\"include_usage\": true}");
        }
        return new ChatRequest.StreamOptions(include == null || include.isNull() ? null : include.asBoolean());
    }

    private static Integer seed(JsonNode root) throws BadRequest {
        Long seed = whole(root, "seed");
        if (seed != null && (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE)) {
            throw BadRequest.of("seed", "seed: must be a 32-bit integer (was " + seed + ")");
        }
        return seed == null ? null : seed.intValue();
    }

    private static String text(JsonNode root, String name) throws BadRequest {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw BadRequest.of(name, name + ": must be a string (was " + node + ")");
        }
        return node.asText();
    }

    private static Integer integer(JsonNode root, String name) throws BadRequest {
        Long value = whole(root, name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw BadRequest.of(name, name + ": must be an integer of at least 1 that fits 32 bits (was " + value + ")");
        }
        return value == null ? null : value.intValue();
    }

    private static Long whole(JsonNode root, String name) throws BadRequest {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw BadRequest.of(name, name + ": must be an integer (was " + node + ")");
        }
        return node.asLong();
    }

    private static Double number(JsonNode root, String name) throws BadRequest {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw BadRequest.of(name, name + ": must be a number (was " + node + ")");
        }
        return node.asDouble();
    }

    private static Boolean bool(JsonNode root, String name) throws BadRequest {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw BadRequest.of(name, name + ": must be true or false (was " + node + ")");
        }
        return node.asBoolean();
    }
}
