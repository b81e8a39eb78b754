package parley.cli;

/** Input that cannot be sent; the message is one line that says what to change. Exit code 2. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }
}
