package parley.team;

/**
 * Which workspace this data folder belongs to: its JDBC URL (never with a password in it), the
 * database user (null: the URL's or the driver's default), the member name this user goes by in
 * it, and the environment variable the password may be read from when no keyring keeps it.
 */
public record WorkspaceConfig(String url, String user, String member, String passwordEnv) {}
