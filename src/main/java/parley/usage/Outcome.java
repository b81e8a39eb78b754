package parley.usage;

import parley.api.ApiError;
import parley.api.ChatResult;

/** How a request ended, as the ledger records it. */
public enum Outcome {
    OK, ERROR, STOPPED, TRUNCATED;

    public static Outcome of(ChatResult result) {
        if (result.stopped()) return STOPPED;
        if (result.error() != null) {
            return result.error().kind() == ApiError.Kind.CANCELLED ? STOPPED : ERROR;
        }
        if (result.truncated()) return TRUNCATED;
        return OK;
    }

    public String label() { return name().toLowerCase(); }

    public static Outcome parse(String label) { return valueOf(label.toUpperCase()); }
}
