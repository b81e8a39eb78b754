package parley.experiment;

/** A user's search text as an FTS5 query: each word a quoted prefix term, so no input is read as FTS syntax. */
final class SearchTerms {
    private SearchTerms() {}

    static String of(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : query.strip().split("\\s+")) {
            String cleaned = word.replace("\"", "");
            if (!cleaned.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append('"').append(cleaned).append("\"*");
            }
        }
        return out.toString();
    }
}
