package parley.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code GET /models} answer in either format servers use: OpenAI's
 * {@code {"object":"list","data":[{"id":…}]}} (also llama-server's, vLLM's, Ollama's, LM Studio's) or
 * Atlas Cloud's {@code {"code","msg","data":[{"model","display_console","is_ready","price":…}]}},
 * of which only the entries shown in the console are kept, with readiness and prices per million tokens.
 */
public final class ModelListParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTEXT_FIELDS =
            List.of("context_length", "context_window", "max_context_length", "contextLength", "max_model_len");

    private ModelListParser() {}

    /** The models in {@code body}; {@link IllegalArgumentException} with a one-line reason when it is not a model list. */
    public static List<ModelInfo> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The model list is not JSON: " + excerpt(body));
        }
        return parse(root);
    }

    /** The models in an already parsed answer. */
    public static List<ModelInfo> parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The model list is not a JSON object: "
                    + excerpt(root == null ? "" : root.toString()));
        }
        if (isAtlasCloud(root)) {
            return parseAtlasCloud(root);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("The model list has no \"data\" array: " + excerpt(root.toString()));
        }
        return parseOpenAi(data);
    }

    private static boolean isAtlasCloud(JsonNode root) {
        if (root.has("msg") || root.has("code") && !root.has("object")) {
            return true;
        }
        JsonNode first = root.path("data").path(0);
        return first.has("model") && !first.has("id");
    }

    private static List<ModelInfo> parseOpenAi(JsonNode data) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode entry : data) {
            String id = text(entry, "id");
            if (id == null) {
                continue;
            }
            Integer context = contextLength(entry);
            if (context == null) {
                context = positiveInt(entry.path("meta").get("n_ctx_train"));
            }
            models.add(new ModelInfo(id, id, true, null, null, null, context));
        }
        return List.copyOf(models);
    }

    private static List<ModelInfo> parseAtlasCloud(JsonNode root) {
        int code = root.path("code").asInt(200);
        JsonNode data = root.get("data");
        if (code >= 300 || data == null || !data.isArray()) {
            String msg = text(root, "msg");
            throw new IllegalArgumentException("The provider refused the model list (code " + code + "): "
                    + (msg == null ? "no message" : msg));
        }
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode entry : data) {
            String id = text(entry, "model");
            if (id == null || !entry.path("display_console").asBoolean(false)) {
                continue;
            }
            JsonNode price = entry.path("price").path("actual");
            String name = firstText(entry, "display_name", "name");
            models.add(new ModelInfo(id, name == null ? id : name, entry.path("is_ready").asBoolean(false),
                    decimal(price.get("input_price")), decimal(price.get("output_price")),
                    decimal(firstPresent(price, "cached_input_price", "cache_input_price", "input_cache_price")),
                    contextLength(entry)));
        }
        return List.copyOf(models);
    }

    private static Integer contextLength(JsonNode entry) {
        for (String field : CONTEXT_FIELDS) {
            Integer value = positiveInt(entry.get(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Integer positiveInt(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asInt() > 0 ? node.asInt() : null;
        }
        if (node.isTextual()) {
            try {
                int value = Integer.parseInt(node.asText().trim());
                return value > 0 ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim().replace("$", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field);
            }
        }
        return null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
