package parley.ui.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Test form made from a tool's input schema, and the arguments its values make. */
class ToolFormTest {
    private final ToolForm form = ToolForm.of(schema());

    private static com.fasterxml.jackson.databind.JsonNode schema() {
        try {
            return new ObjectMapper().readTree("""
                    {"type": "object", "required": ["text"], "properties": {
                      "text": {"type": "string", "description": "what to say"}, "times": {"type": "integer"},
                      "ratio": {"type": "number"}, "loud": {"type": "boolean"}, "tags": {"type": "array"}}}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFieldPerPropertyOfItsKind() {
        assertThat(form.fields()).extracting(ToolForm.Field::name).containsExactly("text", "times", "ratio", "loud", "tags");
        assertThat(form.fields()).extracting(ToolForm.Field::kind).containsExactly(ToolForm.Kind.STRING,
                ToolForm.Kind.INTEGER, ToolForm.Kind.NUMBER, ToolForm.Kind.BOOLEAN, ToolForm.Kind.JSON);
        assertThat(form.fields().getFirst().label()).isEqualTo("text *");
    }

    @Test
    void typedValuesBecomeTheArgumentsAndEmptyFieldsAreLeftOut() {
        String args = form.arguments(Map.of("text", " hi ", "times", "3", "ratio", "0.5", "loud", "true",
                "tags", "[\"a\"]"));

        assertThat(args).isEqualTo("{\"text\":\" hi \",\"times\":3,\"ratio\":0.5,\"loud\":true,\"tags\":[\"a\"]}");
        assertThat(form.arguments(Map.of("text", "x", "times", ""))).isEqualTo("{\"text\":\"x\"}");
    }

    @Test
    void aValueThatDoesNotFitNamesItsField() {
        assertThatThrownBy(() -> form.arguments(Map.of("times", "2.5"))).hasMessage("times must be a whole number, e.g. 3.");
        assertThatThrownBy(() -> form.arguments(Map.of("tags", "[a"))).hasMessageStartingWith("tags must be JSON");
    }
}
