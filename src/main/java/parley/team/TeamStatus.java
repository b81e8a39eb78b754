package parley.team;

import java.util.List;

/**
 * Where this data folder stands with its workspace. {@code url} never holds a password;
 * {@code schemaVersion} and {@code members} are null when it could not be reached; {@code problem}
 * says why (null when connected).
 */
public record TeamStatus(boolean configured, boolean connected, String url, String member, Integer schemaVersion,
                         boolean readOnly, List<String> members, long queuedRows, String problem) {
    public static TeamStatus none(long queuedRows) {
        return new TeamStatus(false, false, null, null, null, false, null, queuedRows, null);
    }
}
