package parley.mcp;

/** What {@link McpService} tells its listeners, on the thread where it happened (never the JavaFX thread's business). */
public sealed interface McpEvent {
    /** The list of servers changed: one added, edited, removed, enabled or disabled. */
    record ServersChanged() implements McpEvent {}

    /** A server's state changed (its tools changed too when it is {@link ServerState.Ready}). */
    record StateChanged(String server, ServerState state) implements McpEvent {}

    /** A line the server wrote to its standard error. */
    record LogLine(String server, String line) implements McpEvent {}
}
