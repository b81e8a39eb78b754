package parley.capability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Whether a request's extra fields turn a model's thinking on: DeepSeek's switch
 * {@code "thinking": {"type": "enabled"}} (V3.2 thinks with it, and then ignores sampling and refuses
 * log-probabilities as {@code deepseek-reasoner} does). Pure.
 */
public final class Thinking {
    private Thinking() {}

    public static boolean on(Map<String, Object> extra) {
        Object thinking = extra == null ? null : extra.get("thinking");
        return switch (thinking) {
            case Map<?, ?> map -> "enabled".equals(map.get("type"));
            case JsonNode node -> node.path("type").asText().equals("enabled");
            case null, default -> false;
        };
    }
}
