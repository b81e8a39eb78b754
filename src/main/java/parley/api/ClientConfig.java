package parley.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How a {@link ChatClient} reaches one provider. {@code apiKey} may be null (local servers). The key
 * is sent only to {@code baseUrl}, and over plain {@code http://} to a host other than this machine
 * only when {@code allowInsecureKey} is set. {@link #toString()} never shows the key.
 *
 * @param connectTimeout time to open the connection
 * @param idleTimeout    longest silence allowed while waiting for the answer or reading it
 * @param maxRetries     retries on 429/500/502/503/504 and connection failures before any byte arrived
 * @param backoffBase    first wait between retries, doubled each time, unless the server sends Retry-After
 * @param tap            sees the raw exchange of every request, or null
 * @param limits         how much of an answer is held (null: {@link ReadLimits#DEFAULT})
 */
public record ClientConfig(String baseUrl, String apiKey, Duration connectTimeout, Duration idleTimeout,
                           int maxRetries, Duration backoffBase, boolean allowInsecureKey, RawTap tap,
                           ReadLimits limits) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_RETRIES = 2;

    public ClientConfig {
        String problem = baseUrlProblem(baseUrl);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        baseUrl = stripTrailingSlashes(baseUrl.strip());
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        idleTimeout = positiveOr(idleTimeout, DEFAULT_IDLE_TIMEOUT);
        backoffBase = backoffBase == null || backoffBase.isNegative() ? DEFAULT_BACKOFF_BASE : backoffBase;
        maxRetries = Math.max(0, maxRetries);
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        limits = limits == null ? ReadLimits.DEFAULT : limits;
    }

    /** A config with the default timeouts and retries. */
    public static ClientConfig of(String baseUrl, String apiKey) {
        return new ClientConfig(baseUrl, apiKey, null, null, DEFAULT_MAX_RETRIES, null, false, null, null);
    }

    /** Null when the base URL can be used, else one line that says what to change. */
    static String baseUrlProblem(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "base URL: required, e.g. https://api.atlascloud.ai/v1";
        }
        try {
            URI uri = new URI(baseUrl.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return "base URL: must start with http:// or https:// (was " + baseUrl.strip() + ")";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "base URL: must name a host, e.g. https://api.atlascloud.ai/v1 (was " + baseUrl.strip() + ")";
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return "base URL: must not carry a query or fragment (was " + baseUrl.strip() + ")";
            }
            return null;
        } catch (URISyntaxException e) {
            return "base URL: not a valid URL (" + e.getReason() + "): " + baseUrl.strip();
        }
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public boolean hasKey() {
        return apiKey != null;
    }

    public ClientConfig withTimeouts(Duration connect, Duration idle) {
        return new ClientConfig(baseUrl, apiKey, connect, idle, maxRetries, backoffBase, allowInsecureKey, tap, limits);
    }

    public ClientConfig withRetries(int retries, Duration backoff) {
        return new ClientConfig(baseUrl, apiKey, connectTimeout, idleTimeout, retries, backoff, allowInsecureKey, tap, limits);
    }

    public ClientConfig withAllowInsecureKey(boolean allow) {
        return new ClientConfig(baseUrl, apiKey, connectTimeout, idleTimeout, maxRetries, backoffBase, allow, tap, limits);
    }

    public ClientConfig withTap(RawTap value) {
        return new ClientConfig(baseUrl, apiKey, connectTimeout, idleTimeout, maxRetries, backoffBase, allowInsecureKey, value, limits);
    }

    public ClientConfig withLimits(ReadLimits value) {
        return new ClientConfig(baseUrl, apiKey, connectTimeout, idleTimeout, maxRetries, backoffBase, allowInsecureKey, tap, value);
    }

    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "(set)")
                + ", connectTimeout=" + connectTimeout + ", idleTimeout=" + idleTimeout
                + ", maxRetries=" + maxRetries + ", backoffBase=" + backoffBase
                + ", allowInsecureKey=" + allowInsecureKey + ", tap=" + (tap == null ? "none" : "set") + ", limits=" + limits + "]";
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static String stripTrailingSlashes(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
