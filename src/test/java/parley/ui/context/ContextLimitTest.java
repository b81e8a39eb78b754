package parley.ui.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContextLimitTest {
    @Test
    void fitsUpToTheContextAndSaysHowMuchToCutBeyondIt() {
        assertThat(new ContextLimit(8192, 7168, 1024).fits()).isTrue();
        assertThat(new ContextLimit(8192, 7168, 1024).warning("m")).isEmpty();
        ContextLimit over = new ContextLimit(8192, 7900, 1024);
        assertThat(over.excess()).isEqualTo(732);
        assertThat(over.warning("qwen")).isEqualTo("The conversation (≈ 7,900 tokens) plus max_tokens 1,024 passes"
                + " qwen's context of 8,192 tokens: cut about 732 tokens from the conversation or lower max_tokens.");
        assertThat(new ContextLimit(100, 120, 0).warning(null)).isEqualTo("The conversation (≈ 120 tokens) passes"
                + " The model's context of 100 tokens: cut about 20 tokens from the conversation.");
    }
}
