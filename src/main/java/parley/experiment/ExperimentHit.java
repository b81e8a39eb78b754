package parley.experiment;

import parley.history.SearchHit;

/**
 * An experiment that matches a search: by its name or prompt ({@code cell} null) or by a cell's reply
 * (that cell's index). {@code snippet} marks the matched words with {@link SearchHit#MARK_START} and
 * {@link SearchHit#MARK_END}, as the history's search does.
 */
public record ExperimentHit(String experimentId, String name, Integer cell, String snippet) {
    /** The snippet without its match marks. */
    public String plainSnippet() {
        return snippet.replace(SearchHit.MARK_START, "").replace(SearchHit.MARK_END, "");
    }
}
