package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMaskTest {
    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(KeyMask.mask("sk-abcdefghijklmnop1234")).isEqualTo("sk-a…1234");
        assertThat(KeyMask.mask("short")).isEqualTo("••••");
        assertThat(KeyMask.mask(null)).isEmpty();
    }

    @Test
    void redactHidesKnownKeysKeyShapedTextAndBearerTokens() {
        String text = "Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrSt. Header was Bearer abc.def.ghi-jkl-123; "
                + "custom token zzzzzzzz-known-zzzzzzzz";
        String out = KeyMask.redact(text, List.of("zzzzzzzz-known-zzzzzzzz"));
        assertThat(out).doesNotContain("AbCdEfGhIjKlMnOpQrSt", "abc.def.ghi-jkl-123", "zzzzzzzz-known-zzzzzzzz")
                .contains("sk-p…QrSt", "Bearer abc.…-123", "zzzz…zzzz");
        assertThat(KeyMask.redact("temperature 0.7 and top_p 1", List.of())).isEqualTo("temperature 0.7 and top_p 1");
    }

    @Test
    void redactKnownLeavesOtherTextAlone() {
        String keyShaped = "the format is sk-" + "x".repeat(24);
        assertThat(KeyMask.redactKnown(keyShaped, List.of("sk-real-secret-value"))).isEqualTo(keyShaped);
        assertThat(KeyMask.redactKnown("mine: sk-real-secret-value", List.of("sk-real-secret-value")))
                .isEqualTo("mine: sk-r…alue");
    }
}
