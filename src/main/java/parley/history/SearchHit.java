package parley.history;

/**
 * A message that matches a history search. {@code snippet} is the matching passage, the matched
 * words between {@link #MARK_START} and {@link #MARK_END}.
 */
public record SearchHit(String conversationId, String conversationTitle, String messageId, String role,
                        String snippet) {
    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";

    /** The snippet without its match marks. */
    public String plainSnippet() {
        return snippet.replace(MARK_START, "").replace(MARK_END, "");
    }
}
