package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aValidSchemaHasNoProblems() throws Exception {
        assertThat(JsonSchemaCheck.schemaProblems(json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"minimum\":0}},"
                + "\"$defs\":{\"p\":{\"type\":\"string\"}},\"required\":[\"a\"],\"additionalProperties\":false}"))).isEmpty();
        assertThat(JsonSchemaCheck.schemaProblems(json("{}"))).isEmpty();
    }

    @Test
    void aSchemaThatIsNotJsonSchemaSaysWhere() throws Exception {
        assertThat(JsonSchemaCheck.schemaProblems(json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"int\"}}}")))
                .extracting(JsonSchemaCheck.Violation::path).contains("/properties/a/type");
        assertThat(JsonSchemaCheck.schemaProblems(json("\"string\""))).singleElement().asString()
                .isEqualTo("the whole value: a schema must be a JSON object, e.g. {\"type\": \"object\", \"properties\": {}}");
    }

    @Test
    void aRemoteReferenceIsNeverFetched() throws Exception {
        assertThat(JsonSchemaCheck.schemaProblems(json("{\"$ref\":\"http://127.0.0.1:9/schema.json\"}")))
                .singleElement().asString().startsWith("the whole value: the schema cannot be used");
    }

    @Test
    void aReplyIsCheckedAgainstTheSchemaWithThePathOfEachViolation() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                + "\"days\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}},\"required\":[\"city\"],\"additionalProperties\":false}");
        assertThat(JsonSchemaCheck.validate(schema, "{\"city\":\"Paris\",\"days\":[1,2]}")).isEmpty();
        assertThat(JsonSchemaCheck.validate(schema, "{\"days\":[1,\"two\"]}")).extracting(JsonSchemaCheck.Violation::path)
                .containsExactlyInAnyOrder("/days/1", "");
        assertThat(JsonSchemaCheck.validate(schema, "{\"city\": \"Par")).singleElement().asString()
                .startsWith("the whole value: not valid JSON");
        assertThat(JsonSchemaCheck.validate(schema, "")).singleElement().asString()
                .isEqualTo("the whole value: not valid JSON: the text is empty");
        assertThat(JsonSchemaCheck.validate(json("{\"type\":\"nope\"}"), "1")).first().asString()
                .contains("the schema is not valid");
    }
}
