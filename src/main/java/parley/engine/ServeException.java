package parley.engine;

/** {@code parley serve} cannot start; the message says what to change. {@code badInput}: exit code 2, else 1. */
public final class ServeException extends Exception {
    private final boolean badInput;

    ServeException(String message, boolean badInput) {
        super(message, null, false, false);
        this.badInput = badInput;
    }

    public boolean badInput() {
        return badInput;
    }
}
