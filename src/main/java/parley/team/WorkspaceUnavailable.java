package parley.team;

/**
 * The workspace could not be reached or refused the work; the message says what happened and what
 * to do. {@link #unreachable()} tells a server that is away (work goes on locally, rows queue)
 * from one that answered no (a wrong password, a read-only schema).
 */
public final class WorkspaceUnavailable extends RuntimeException {
    private final boolean unreachable;

    public WorkspaceUnavailable(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public WorkspaceUnavailable(String message) {
        this(message, null, false);
    }

    public boolean unreachable() {
        return unreachable;
    }
}
