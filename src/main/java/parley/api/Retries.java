package parley.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When a failed request may be sent again, and how long to wait first. */
public final class Retries {
    /** The longest wait a server may ask for with Retry-After before the request is given up. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private Retries() {}

    static boolean retryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before retry number {@code attempt + 1}: the server's Retry-After (seconds or an HTTP
     * date) when it sent one, else the backoff base doubled per attempt, at most {@link #MAX_WAIT}.
     * Null when the server asks for more than {@link #MAX_WAIT}: then the request is not retried.
     */
    static Duration waitBefore(int attempt, Duration backoffBase, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked.compareTo(MAX_WAIT) > 0 ? null : asked;
        }
        Duration backoff = backoffBase.multipliedBy(1L << Math.min(attempt, 16));
        return backoff.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff;
    }

    /** Retry-After as a wait from now; null when absent or unreadable. */
    public static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 || Double.isNaN(seconds) ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
