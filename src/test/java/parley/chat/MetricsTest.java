package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void tokensPerSecondCountsTheTimeAfterTheFirstToken() {
        Metrics m = Metrics.of(200L, 2_200, 100, 37);
        assertThat(m.tokensPerSecond()).isEqualTo(50.0);
        assertThat(m.tokensEstimated()).isFalse();
    }

    @Test
    void withoutUsageThePiecesAreTheEstimate() {
        Metrics m = Metrics.of(100L, 1_100, null, 20);
        assertThat(m.completionTokens()).isEqualTo(20);
        assertThat(m.tokensPerSecond()).isEqualTo(20.0);
        assertThat(m.tokensEstimated()).isTrue();
    }

    @Test
    void nothingArrivedMeansNoRate() {
        Metrics m = Metrics.of(null, 500, null, 0);
        assertThat(m.ttftMillis()).isNull();
        assertThat(m.tokensPerSecond()).isNull();
    }
}
