package parley.team;

/** The team's workspace cannot be reached now; the message starts with "team offline" and says why. */
public final class TeamOffline extends RuntimeException {
    public TeamOffline(String message, Throwable cause) {
        super(message, cause);
    }
}
