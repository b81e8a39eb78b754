package parley.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ResponseFormat;
import parley.api.TokenLogprob;

/** Tool arguments and JSON replies checked against their schema; the figures of the token inspector. */
class JsonCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws Exception {
        return JSON.readTree("""
                {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1},
                 "units":{"type":"array","items":{"enum":["C","F"]}}},"required":["city"],"additionalProperties":false}""");
    }

    @Test
    void validArgumentsArePrettyPrinted() throws Exception {
        JsonVerdict verdict = JsonCheck.check("{\"city\":\"Paris\",\"days\":2}", schema());
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.pretty()).isEqualTo("{\n  \"city\" : \"Paris\",\n  \"days\" : 2\n}");
    }

    @Test
    void brokenJsonIsKeptAsItCameWithWhatIsWrong() throws Exception {
        JsonVerdict verdict = JsonCheck.check("{\"city\": \"Par", schema());
        assertThat(verdict.kind()).isEqualTo(JsonVerdict.Kind.NOT_JSON);
        assertThat(verdict.pretty()).isEqualTo("{\"city\": \"Par");
        assertThat(verdict.summary()).startsWith("Not valid JSON: ");
        assertThat(JsonCheck.check("", null).problems()).containsExactly("nothing was sent");
        assertThat(JsonCheck.compact("{\"a\": [1, 2]}")).isEqualTo("{\"a\":[1,2]}");
        assertThat(JsonCheck.compact("{broken")).isEqualTo("{broken");
    }

    @Test
    void eachViolationIsNamedByItsPath() throws Exception {
        JsonVerdict verdict = JsonCheck.check("{\"days\":0,\"units\":[\"C\",\"K\"],\"extra\":true}", schema());
        assertThat(verdict.kind()).isEqualTo(JsonVerdict.Kind.VIOLATES);
        assertThat(verdict.problems()).containsExactlyInAnyOrder(
                "$: required property 'city' not found",
                "$.days: must have a minimum value of 1",
                "$.units[1]: does not have a value in the enumeration [\"C\", \"F\"]",
                "$: property 'extra' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void aJsonObjectReplyMustBeAnObject() {
        assertThat(OutputCheck.of(ResponseFormat.JSON_OBJECT, "{\"a\":1}").headline()).isEqualTo("JSON object: valid");
        assertThat(OutputCheck.of(ResponseFormat.JSON_OBJECT, "[1]").verdict().problems())
                .containsExactly("$: a JSON object was asked for");
        assertThat(OutputCheck.of(ResponseFormat.JSON_OBJECT, "Sure! {\"a\":1}").headline()).isEqualTo("JSON object: not valid JSON");
        assertThat(OutputCheck.of(ResponseFormat.TEXT, "anything")).isNull();
    }

    @Test
    void surpriseIsTheMeanLogprobAndPerplexityItsExponent() {
        Surprise surprise = Surprise.of(List.of(new TokenLogprob("a", -0.5, null, null), new TokenLogprob("b", -1.5, null, null)));
        assertThat(surprise.meanLogprob()).isEqualTo(-1.0);
        assertThat(surprise.perplexity()).isCloseTo(Math.E, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(surprise.text()).isEqualTo("mean logprob −1.000 · perplexity 2.72");
        assertThat(Surprise.of(List.of())).isNull();
    }

    @Test
    void shadesGoFromSureToALongShot() {
        assertThat(TokenShade.level(Math.log(0.95))).isZero();
        assertThat(TokenShade.level(Math.log(0.7))).isEqualTo(1);
        assertThat(TokenShade.level(Math.log(0.4))).isEqualTo(2);
        assertThat(TokenShade.level(Math.log(0.2))).isEqualTo(3);
        assertThat(TokenShade.level(Math.log(0.01))).isEqualTo(4);
        assertThat(TokenShade.percent(Math.log(0.0004))).isEqualTo("0.040%");
        assertThat(TokenShade.quoted("\n\t x")).isEqualTo("“↵⇥ x”");
    }
}
