package parley.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    @Test
    void aSchemaTheMetaSchemaAcceptsIsValidAndParsed() {
        SchemaCheck.Result result = SchemaCheck.check("""
                {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""");
        assertThat(result.ok()).isTrue();
        assertThat(result.schema().at("/properties/city/type").asText()).isEqualTo("string");
    }

    @Test
    void brokenJsonIsToldWithItsLineAndColumn() {
        SchemaCheck.Result result = SchemaCheck.check("{\n  \"type\": \"object\",\n  \"properties\": {\n  }}\n}");
        assertThat(result.ok()).isFalse();
        assertThat(result.line()).isEqualTo(5);
        assertThat(result.problem()).startsWith("Not valid JSON at line 5, column 1: ");
    }

    @Test
    void aWrongKeywordValueIsToldWithTheLineOfItsPart() {
        SchemaCheck.Result result = SchemaCheck.check("""
                {
                  "type": "object",
                  "properties": {
                    "city": {"type": "strang"}
                  }
                }""");
        assertThat(result.ok()).isFalse();
        assertThat(result.line()).isEqualTo(4);
        assertThat(result.problem()).startsWith("Not a valid JSON Schema at line 4 (properties.city.type): ");
    }

    @Test
    void aSchemaIsAnObject() {
        assertThat(SchemaCheck.check("[1, 2]").problem()).isEqualTo("A schema is a JSON object ({ … }), not an array.");
        assertThat(SchemaCheck.check("  ").ok()).as("blank: no schema").isTrue();
        assertThat(SchemaCheck.check("{\"required\": \"city\"}").problem()).contains("line 1 (required)");
    }
}
