package parley.usage;

/** The usage tables could not be read or written; the message says what failed. */
public final class UsageStoreException extends RuntimeException {
    public UsageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
