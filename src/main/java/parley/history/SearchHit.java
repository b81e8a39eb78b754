package parley.history;

/**
 * A message that matches a history search. {@code snippet} is the matching passage, the matched
 * words between {@link #MARK_START} and {@link #MARK_END}; {@code rank} is the hit's place in the
 * ranking (1 for the best match, by FTS5's bm25).
 */
public record SearchHit(String conversationId, String conversationTitle, String messageId, String role,
                        String snippet, int rank) {
    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";

    /** The snippet without its match marks. */
    public String plainSnippet() {
        return snippet.replace(MARK_START, "").replace(MARK_END, "");
    }

    /** The snippet with each matched passage between {@code start} and {@code end}, e.g. {@code **} and {@code **}. */
    public String markedSnippet(String start, String end) {
        return snippet.replace(MARK_START, start).replace(MARK_END, end);
    }
}
