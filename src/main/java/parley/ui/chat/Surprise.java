package parley.ui.chat;

import java.util.List;
import java.util.Locale;
import parley.api.TokenLogprob;

/**
 * How surprised the model was by its own reply: the mean log-probability of its tokens (natural log,
 * 0 for a reply it was sure of) and the perplexity, {@code e^-mean}.
 */
public record Surprise(int tokens, double meanLogprob) {
    /** The surprise of these tokens, null when there are none. */
    public static Surprise of(List<TokenLogprob> logprobs) {
        if (logprobs == null || logprobs.isEmpty()) return null;
        double sum = 0;
        for (TokenLogprob token : logprobs) sum += token.logprob();
        return new Surprise(logprobs.size(), sum / logprobs.size());
    }

    public double perplexity() { return Math.exp(-meanLogprob); }

    /** For the footer, e.g. {@code mean logprob −0.215 · perplexity 1.24}. */
    public String text() {
        return String.format(Locale.ROOT, "mean logprob %.3f · perplexity %.2f", meanLogprob, perplexity())
                .replace('-', '−');
    }
}
