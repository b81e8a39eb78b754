package parley.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.chat.ExtendedJson;

/**
 * A request's parameters (everything but {@code model} and {@code messages}, the extended ones
 * included) as the JSON object that goes on the wire, and back. Extra provider fields are kept as they are.
 */
public final class RequestParameters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final List<String> KNOWN = Stream.concat(Stream.of("model", "messages", "max_tokens", "temperature",
            "top_p", "frequency_penalty", "presence_penalty", "stop", "stream", "stream_options"),
            ExtendedJson.FIELDS.stream()).toList();

    private RequestParameters() {}

    /** The request's parameters, in wire order, without model and messages. */
    public static Map<String, Object> of(ChatRequest request) {
        LinkedHashMap<String, Object> all = normalised(request);
        all.remove("model");
        all.remove("messages");
        return all;
    }

    /**
     * A request with these parameters, this model and these messages; the extended ones (tools, seed, …)
     * are read back into {@link parley.api.ExtendedParameters}, other fields stay extra. Throws
     * {@link IllegalArgumentException} when an extended field has the wrong shape.
     */
    public static ChatRequest toRequest(String model, List<ChatMessage> messages, Map<String, Object> parameters) {
        Map<String, Object> p = parameters == null ? Map.of() : parameters;
        Map<String, Object> extra = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (!KNOWN.contains(k) && v != null) {
                extra.put(k, v);
            }
        });
        return new ChatRequest(model, messages,
                integer(p.get("max_tokens")), decimal(p.get("temperature")), decimal(p.get("top_p")),
                decimal(p.get("frequency_penalty")), decimal(p.get("presence_penalty")), strings(p.get("stop")),
                ExtendedJson.fromFields(p), p.get("stream") instanceof Boolean b ? b : null,
                streamOptions(p.get("stream_options")), extra);
    }

    /** A deep copy that keeps key order; numbers, strings and booleans are shared. */
    static Map<String, Object> copy(Map<String, Object> parameters) {
        return normalised(parameters);
    }

    /**
     * The value as a map read from its JSON text, so numbers have the types they have when read back
     * from the database or a file (42 an Integer, not the Long a seed is held as).
     */
    private static LinkedHashMap<String, Object> normalised(Object value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), MAP);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** The parameters as compact JSON, for storage. */
    public static String toJson(Map<String, Object> parameters) {
        try {
            return parameters == null ? null : JSON.writeValueAsString(parameters);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parameters read back from {@link #toJson}; null for null. */
    public static Map<String, Object> fromJson(String json) {
        try {
            return json == null ? null : JSON.readValue(json, MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("stored parameters are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }

    private static Double decimal(Object value) {
        return value instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.add(String.valueOf(item)));
            return out;
        }
        return null;
    }

    private static ChatRequest.StreamOptions streamOptions(Object value) {
        if (value instanceof Map<?, ?> map && map.get("include_usage") instanceof Boolean b) {
            return new ChatRequest.StreamOptions(b);
        }
        return null;
    }
}
