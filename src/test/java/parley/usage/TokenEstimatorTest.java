package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;

class TokenEstimatorTest {
    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void countsTextWithTheBundledEncoding() {
        assertThat(estimator.count("")).isZero();
        assertThat(estimator.count(null)).isZero();
        assertThat(estimator.count("Hello")).isEqualTo(1);
        assertThat(estimator.count("Hello, world! How are you today?")).isBetween(7, 10);
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        assertThat(estimator.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void aPromptCountsItsMessagesAndTheChatFormat() {
        int one = estimator.countPrompt(List.of(ChatMessage.user("Hello")));
        int two = estimator.countPrompt(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello")));
        assertThat(one).isEqualTo(3 + 3 + 1 + 1);
        assertThat(two).isGreaterThan(one + 3);
    }
}
