package parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One entry of the request's {@code tools}: a function the model may call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String type, Function function) {
    public static final String FUNCTION = "function";

    /** {@code parameters}: the arguments' JSON Schema (null: none). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String description, JsonNode parameters, Boolean strict) {}

    public static Tool function(String name, String description, JsonNode parameters) {
        return new Tool(FUNCTION, new Function(name, description, parameters, null));
    }

    public String name() { return function == null ? null : function.name(); }
}
