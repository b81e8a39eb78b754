package parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code response_format}: {@code text}, {@code json_object}, or {@code json_schema} with its schema. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(String type, @JsonProperty("json_schema") JsonSchema jsonSchema) {
    public static final ResponseFormat TEXT = new ResponseFormat("text", null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object", null);

    /** The {@code json_schema} object as the API takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JsonSchema(String name, String description, JsonNode schema, Boolean strict) {}

    public static ResponseFormat jsonSchema(String name, JsonNode schema, Boolean strict) {
        return new ResponseFormat("json_schema", new JsonSchema(name, null, schema, strict));
    }
}
