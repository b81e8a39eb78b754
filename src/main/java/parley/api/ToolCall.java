package parley.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A call the model asked for, as an assistant message carries it. {@code arguments} is the raw
 * string as it came (it may not be valid JSON: it is shown and flagged, never dropped).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(String id, String type, Function function) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String arguments) {}

    public static ToolCall of(String id, String name, String arguments) {
        return new ToolCall(id, Tool.FUNCTION, new Function(name, arguments));
    }

    @JsonIgnore
    public String name() { return function == null ? null : function.name(); }

    @JsonIgnore
    public String arguments() { return function == null ? null : function.arguments(); }
}
