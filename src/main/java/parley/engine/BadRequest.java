package parley.engine;

/** A request {@code parley serve} refuses, answered in OpenAI's error format. */
final class BadRequest extends Exception {
    private final int status;
    private final String param;
    private final String code;

    BadRequest(int status, String param, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    /** A 400 naming the parameter at fault. */
    static BadRequest of(String param, String message) {
        return new BadRequest(400, param, null, message);
    }

    int status() { return status; }
    String param() { return param; }
    String code() { return code; }
}
