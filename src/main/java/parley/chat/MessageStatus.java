package parley.chat;

/** Where a message stands. Anything but COMPLETE and STREAMING marks a reply that ended early. */
public enum MessageStatus {
    /** Typed by the user, or a reply that finished normally. */
    COMPLETE,
    /** A reply that is still arriving. */
    STREAMING,
    /** The user pressed Stop; the text holds what arrived before. */
    STOPPED,
    /** The provider or the network failed; the text holds what arrived before. */
    FAILED,
    /** The stream ended without its end marker; the text holds what arrived. */
    TRUNCATED
}
