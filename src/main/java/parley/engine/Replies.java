package parley.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON bodies {@code parley serve} answers with, in OpenAI's shapes. Pure. */
final class Replies {
    private final ObjectMapper json;
    private final String model;

    Replies(ObjectMapper json, String model) {
        this.json = json;
        this.model = model;
    }

    /** {@code {"error":{"message","type","param","code"}}}. */
    ObjectNode error(String message, String type, String param, String code) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return body;
    }

    ObjectNode completion(String id, long created, String content, String finishReason, int prompt, int completion) {
        ObjectNode body = head(id, created, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", finishReason);
        body.set("usage", usage(prompt, completion));
        return body;
    }

    /** A streamed piece: the role first, then text, then the finish reason with an empty delta. */
    ObjectNode chunk(String id, long created, String role, String content, String finishReason) {
        ObjectNode body = head(id, created, "chat.completion.chunk");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (role != null) {
            delta.put("role", role);
        }
        if (content != null) {
            delta.put("content", content);
        }
        choice.put("finish_reason", finishReason);
        return body;
    }

    /** The usage chunk of {@code stream_options.include_usage}: empty choices, as OpenAI sends it. */
    ObjectNode usageChunk(String id, long created, int prompt, int completion) {
        ObjectNode body = head(id, created, "chat.completion.chunk");
        body.putArray("choices");
        body.set("usage", usage(prompt, completion));
        return body;
    }

    ObjectNode models(ModelFacts facts, long created) {
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        ObjectNode entry = data.addObject();
        entry.put("id", model);
        entry.put("object", "model");
        entry.put("created", created);
        entry.put("owned_by", "parley");
        ObjectNode meta = entry.putObject("meta");
        meta.put("architecture", facts.architecture());
        meta.put("parameters", facts.parameters());
        meta.put("quantization", facts.quantization());
        meta.put("file_size", facts.fileSize());
        return body;
    }

    private ObjectNode head(String id, long created, String object) {
        ObjectNode body = json.createObjectNode();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", model);
        return body;
    }

    private ObjectNode usage(int prompt, int completion) {
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }
}
