package parley.ui.chat;

import java.util.Locale;
import parley.api.TokenLogprob;

/**
 * How the token inspector shows a token: a shade by its probability (0: the model was sure, 4: it
 * was a long shot) and what hovering it tells (its probability and the top alternatives).
 */
public final class TokenShade {
    /** The lower bounds of the probability of shades 0 to 3; below the last one is shade 4. */
    private static final double[] BOUNDS = {0.9, 0.6, 0.3, 0.1};

    private TokenShade() {}

    public static int level(double logprob) {
        double p = Math.exp(logprob);
        for (int level = 0; level < BOUNDS.length; level++) {
            if (p >= BOUNDS[level]) return level;
        }
        return BOUNDS.length;
    }

    /** The style class of a shade, {@code token-shade-0} to {@code token-shade-4}. */
    public static String styleClass(double logprob) {
        return "token-shade-" + level(logprob);
    }

    /** The token, its probability and its alternatives, one a line. */
    public static String describe(TokenLogprob token) {
        StringBuilder text = new StringBuilder(quoted(token.token())).append("  ").append(percent(token.logprob()))
                .append(String.format(Locale.ROOT, "  (logprob %.3f)", token.logprob()));
        if (!token.topLogprobs().isEmpty()) {
            text.append("\nAlternatives:");
            for (TokenLogprob.Top top : token.topLogprobs()) {
                text.append("\n  ").append(quoted(top.token())).append("  ").append(percent(top.logprob()));
            }
        }
        return text.toString();
    }

    static String percent(double logprob) {
        double p = Math.exp(logprob) * 100;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.1f%%" : p >= 0.1 ? "%.2f%%" : "%.2g%%", p);
    }

    /** A token in quotes with its white space made visible. */
    static String quoted(String token) {
        String shown = token == null ? "" : token.replace("\n", "↵").replace("\t", "⇥");
        return "“" + shown + "”";
    }
}
