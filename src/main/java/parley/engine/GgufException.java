package parley.engine;

import java.io.IOException;

/** A file that is not a GGUF model this engine can read; the message says so in one sentence. */
public final class GgufException extends IOException {
    public GgufException(String message) {
        super(message);
    }
}
