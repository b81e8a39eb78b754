package parley.api;

/** A failed request, typed, with the provider's own message. Status is 0 when no HTTP answer came. */
public record ApiError(Kind kind, int status, String type, String message) {
    public enum Kind {
        AUTHENTICATION, PAYMENT, NOT_FOUND, RATE_LIMIT, BAD_REQUEST, SERVER, NETWORK, TIMEOUT,
        PROTOCOL, CANCELLED
    }
}
