package parley.api;

/** A request that failed with a typed {@link ApiError}; the message is the error's own. */
public final class ApiException extends Exception {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
