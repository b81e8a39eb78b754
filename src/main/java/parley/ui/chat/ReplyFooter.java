package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import parley.api.Usage;

/**
 * What the footer under a reply tells: the model, the tokens in, out and of reasoning, the time to
 * the first token, the speed and the finish reason. Any of them may be unknown (null).
 * {@code tokensEstimated}: the provider sent no usage and the count is of the pieces that arrived.
 * {@code surprise}: the mean log-probability of the reply's tokens, null without log-probabilities.
 */
public record ReplyFooter(String model, Usage usage, Long ttftMillis, Double tokensPerSecond,
                          String finishReason, boolean tokensEstimated, Surprise surprise) {

    public ReplyFooter(String model, Usage usage, Long ttftMillis, Double tokensPerSecond, String finishReason,
                       boolean tokensEstimated) {
        this(model, usage, ttftMillis, tokensPerSecond, finishReason, tokensEstimated, null);
    }

    /** One line, e.g. {@code model-x · 12 in · 340 out · 120 reasoning · first token 420 ms · 35.2 tok/s · stop}. */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (model != null) parts.add(model);
        if (usage != null) {
            if (usage.promptTokens() != null) parts.add(usage.promptTokens() + " in");
            if (usage.completionTokens() != null) parts.add(usage.completionTokens() + (tokensEstimated ? "≈ out" : " out"));
            if (usage.reasoningTokens() != null) parts.add(usage.reasoningTokens() + " reasoning");
            if (usage.cachedTokens() != null && usage.cachedTokens() > 0) parts.add(usage.cachedTokens() + " cached");
        }
        if (ttftMillis != null) parts.add("first token " + ttftMillis + " ms");
        if (tokensPerSecond != null) parts.add(String.format(Locale.ROOT, "%.1f tok/s", tokensPerSecond));
        if (finishReason != null) parts.add(finishReason);
        if (surprise != null) parts.add(surprise.text());
        return String.join(" · ", parts);
    }
}
