package parley.store;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides API keys in text that is shown, logged, stored or exported. {@link #mask} keeps the first
 * and last four characters of a long key so the user can tell keys apart; {@link #redact} replaces
 * every known key, and anything shaped like a key or a bearer token, with its mask.
 */
public final class KeyMask {
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)(?<=bearer\\s)[A-Za-z0-9._~+/=-]{12,}|\\b(?:sk|pk|rk|ak|key)-[A-Za-z0-9_-]{16,}");

    private KeyMask() {}

    /** "sk-l…6071" for a long key, "••••" for a short one, "" for none. */
    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        if (key.length() < 16) {
            return "••••";
        }
        return key.substring(0, 4) + "…" + key.substring(key.length() - 4);
    }

    /** The text with each of {@code keys} (8 characters or longer) and anything key-shaped masked. */
    public static String redact(String text, Collection<String> keys) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String key : keys) {
            if (key != null && key.length() >= 8) {
                out = out.replace(key, mask(key));
            }
        }
        Matcher m = KEY_LIKE.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(mask(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The text with exactly the given keys masked, nothing else changed (for message text). */
    public static String redactKnown(String text, Collection<String> keys) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String key : keys) {
            if (key != null && key.length() >= 8) {
                out = out.replace(key, mask(key));
            }
        }
        return out;
    }
}
