package parley.capability;

/**
 * What a model does with one request parameter: takes it, ignores it without an error (the reason
 * says so), or refuses it with an error (the reason says why, and the parameter is left out).
 */
public sealed interface Support {
    Support ACCEPTED = new Accepted();

    /** The parameter works as the API describes. */
    record Accepted() implements Support {}

    /** The parameter is taken without an error but has no effect. */
    record Ignored(String reason) implements Support {}

    /** The server answers 400 to the parameter: it is left out of the request. */
    record Refused(String reason) implements Support {}

    default boolean accepted() { return this instanceof Accepted; }

    default boolean ignored() { return this instanceof Ignored; }

    default boolean refused() { return this instanceof Refused; }

    /** Why it is ignored or refused; empty when it is accepted. */
    default String reason() {
        return switch (this) {
            case Accepted a -> "";
            case Ignored i -> i.reason();
            case Refused r -> r.reason();
        };
    }
}
