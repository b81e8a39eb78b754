package parley.chat;

/**
 * What the caller answers to one tool call of the last reply: the call's id, the arguments as edited
 * (null: as the model sent them) and the result's text, which goes back in a {@code tool} message.
 */
public record ToolResult(String callId, String arguments, String content) {
    /** A result for the call as the model made it. */
    public static ToolResult of(String callId, String content) {
        return new ToolResult(callId, null, content);
    }
}
