package parley.api;

/**
 * A failed request, typed, with the provider's own message. Status is 0 when no HTTP answer came.
 * {@code retries}: how often the request was sent again before it ended with this error (0 when it
 * was not). {@code param}: the request parameter the server named as the cause (OpenAI's
 * {@code error.param}), null when it named none.
 */
public record ApiError(Kind kind, int status, String type, String message, int retries, String param) {
    /** An error of a request that was not retried. */
    public ApiError(Kind kind, int status, String type, String message) {
        this(kind, status, type, message, 0, null);
    }

    /** An error naming no parameter. */
    public ApiError(Kind kind, int status, String type, String message, int retries) {
        this(kind, status, type, message, retries, null);
    }

    /** This error after {@code count} retries. */
    public ApiError afterRetries(int count) {
        return count == retries ? this : new ApiError(kind, status, type, message, count, param);
    }

    /** This error naming {@code name} as the parameter at fault. */
    public ApiError withParam(String name) {
        return new ApiError(kind, status, type, message, retries, name);
    }

    /**
     * This error with each occurrence of {@code secret} in its message masked: some servers echo the
     * key they refused, and the message is shown, printed and stored.
     */
    public ApiError hiding(String secret) {
        if (secret == null || secret.length() < 8 || message == null || !message.contains(secret)) {
            return this;
        }
        String masked = secret.length() < 16 ? "••••" : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
        return new ApiError(kind, status, type, message.replace(secret, masked), retries, param);
    }

    public enum Kind {
        AUTHENTICATION, PAYMENT, NOT_FOUND, RATE_LIMIT, BAD_REQUEST, SERVER, NETWORK, TIMEOUT,
        PROTOCOL, CANCELLED
    }
}
