package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamAxesTest {
    private static List<Object> values(String spec) {
        return ParamAxes.parse(spec).values().stream().map(ParamValue::value).toList();
    }

    @Test
    void aListKeepsItsOrderAndOmitLeavesTheParameterOut() {
        ParamAxis axis = ParamAxes.parse("temperature=0, 0.5,1,omit");
        assertThat(axis.name()).isEqualTo("temperature");
        assertThat(axis.values()).containsExactly(ParamValue.of(0.0), ParamValue.of(0.5), ParamValue.of(1.0), ParamValue.OMIT);
    }

    @Test
    void aRangeIncludesToOnlyWhenAWholeNumberOfStepsReachesIt() {
        assertThat(values("temperature=0:1:0.3")).containsExactly(0.0, 0.3, 0.6, 0.9);
        assertThat(values("temperature=0:1.2:0.3")).containsExactly(0.0, 0.3, 0.6, 0.9, 1.2);
        assertThat(values("top_p=0.1:0.3:0.1")).containsExactly(0.1, 0.2, 0.3);
        assertThat(values("presence_penalty=-1:1:1")).containsExactly(-1.0, 0.0, 1.0);
    }

    @Test
    void rangeValuesAreRoundedToTheStepsDecimals() {
        assertThat(values("temperature=0.05:0.5:0.2")).containsExactly(0.1, 0.3, 0.5);
    }

    @Test
    void integerParametersTakeWholeNumbers() {
        assertThat(values("max_tokens=64:256:64")).containsExactly(64, 128, 192, 256);
        assertThat(values("seed=1,2,omit")).containsExactly(1L, 2L, null);
        assertThat(values("n=1,2")).containsExactly(1, 2);
        assertThat(values("top_logprobs=0,5")).containsExactly(0, 5);
        assertThatThrownBy(() -> ParamAxes.parse("max_tokens=1.5"))
                .hasMessage("max_tokens takes whole numbers (was 1.5)");
        assertThatThrownBy(() -> ParamAxes.parse("max_tokens=10:20:2.5"))
                .hasMessageContaining("max_tokens takes whole numbers");
    }

    @Test
    void textAndBooleanParameters() {
        assertThat(values("reasoning_effort=low,high")).containsExactly("low", "high");
        assertThat(values("logprobs=true,false,omit")).containsExactly(true, false, null);
        assertThatThrownBy(() -> ParamAxes.parse("reasoning_effort=low,extreme"))
                .hasMessageContaining("reasoning_effort: must be one of minimal, low, medium, high (was \"extreme\")");
        assertThatThrownBy(() -> ParamAxes.parse("logprobs=yes")).hasMessage("logprobs is true or false (was \"yes\")");
        assertThatThrownBy(() -> ParamAxes.parse("logprobs=0:1:1")).hasMessageContaining("takes no range");
    }

    @Test
    void badInputSaysWhatToChange() {
        assertThatThrownBy(() -> ParamAxes.parse("temprature=0,1"))
                .hasMessageStartingWith("\"temprature\" is not a parameter that can be swept: use one of max_tokens, temperature");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=0,3"))
                .hasMessage("temperature: must be between 0 and 2 (was 3)");
        assertThatThrownBy(() -> ParamAxes.parse("top_p=0:2:0.5"))
                .hasMessage("top_p: must be between 0 and 1 (was 1.5)");
        assertThatThrownBy(() -> ParamAxes.parse("max_tokens=0,10")).hasMessageContaining("max_tokens: must be an integer of at least 1");
        assertThatThrownBy(() -> ParamAxes.parse("n=200")).hasMessageContaining("n: must be a whole number from 1 to 128");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=0:1:0"))
                .hasMessage("temperature=0:1:0: the step must be greater than 0 (was 0)");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=1:0:0.5"))
                .hasMessage("temperature=1:0:0.5: FROM (1) is greater than TO (0); swap them");
        assertThatThrownBy(() -> ParamAxes.parse("temperature="))
                .hasMessageStartingWith("temperature has no values");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=0,,1")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=0,0.0")).hasMessageContaining("0.0 is given twice");
        assertThatThrownBy(() -> ParamAxes.parse("temperature")).hasMessageContaining("is not NAME=V1,V2");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=a,b")).hasMessage("temperature: \"a\" is not a number");
        assertThatThrownBy(() -> ParamAxes.parse("temperature=0:1")).hasMessageContaining("is not a range FROM:TO:STEP");
        assertThatThrownBy(() -> ParamAxes.parse("seed=0:100000:1")).hasMessageContaining("more than 1000");
    }
}
