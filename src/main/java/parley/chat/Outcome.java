package parley.chat;

/** How a request ended. */
public enum Outcome {
    COMPLETED, STOPPED, FAILED, TRUNCATED;

    MessageStatus status() {
        return switch (this) {
            case COMPLETED -> MessageStatus.COMPLETE;
            case STOPPED -> MessageStatus.STOPPED;
            case FAILED -> MessageStatus.FAILED;
            case TRUNCATED -> MessageStatus.TRUNCATED;
        };
    }
}
