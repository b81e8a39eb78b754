package parley.history;

/** A file that cannot be read as what it was opened as; the message says what to do. */
public final class FileFormatException extends RuntimeException {
    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
