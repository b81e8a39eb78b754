package parley.api;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule for keys over plain http: a key sent over {@code http://} to a host other than this
 * computer ({@link Loopback}) travels readable by anyone on the way, so it needs the user's explicit
 * consent. Over {@code https://}, or to loopback, it needs none. The window, the CLI and
 * {@link ChatClient} all ask here; each words the remedy its own way.
 */
public final class InsecureKey {
    private InsecureKey() {}

    /** True when a key sent to {@code baseUrl} needs the user's consent. */
    public static boolean needsConsent(URI baseUrl) {
        String scheme = baseUrl.getScheme();
        return scheme != null && scheme.toLowerCase(Locale.ROOT).equals("http") && !Loopback.isLoopback(baseUrl);
    }

    /** Like {@link #needsConsent(URI)}; a URL that does not parse never gets a key, so it needs none. */
    public static boolean needsConsent(String baseUrl) {
        try {
            return baseUrl != null && needsConsent(URI.create(baseUrl.strip()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * Null when a key may go to {@code baseUrl} (none to send, consent given, or no consent needed),
     * else one line that says why not and, after "use https://, or", the {@code remedy} for consent.
     */
    public static String refusal(String baseUrl, boolean hasKey, boolean consent, String remedy) {
        if (!hasKey || consent || !needsConsent(baseUrl)) {
            return null;
        }
        String host = URI.create(baseUrl.strip()).getHost();
        return "Refusing to send the API key over plain http:// to " + (host == null ? baseUrl.strip() : host)
                + ": anyone on the way could read it. Use https://, or " + remedy + ".";
    }
}
