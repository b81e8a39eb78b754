package parley.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tool_choice}: {@code auto}, {@code none}, {@code required}, or one named function. */
public record ToolChoice(String mode, String function) {
    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    public static final ToolChoice NONE = new ToolChoice("none", null);
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    public static ToolChoice named(String function) { return new ToolChoice("function", function); }

    /** {@code auto}, {@code none}, {@code required}, or any other word as a function's name. */
    public static ToolChoice parse(String text) {
        return switch (text) {
            case "auto" -> AUTO;
            case "none" -> NONE;
            case "required" -> REQUIRED;
            default -> named(text);
        };
    }

    /** The JSON value: the mode as a string, or {@code {"type":"function","function":{"name":…}}}. */
    @JsonValue
    public Object json() {
        if (function == null) {
            return mode;
        }
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("type", "function");
        named.put("function", Map.of("name", function));
        return named;
    }
}
