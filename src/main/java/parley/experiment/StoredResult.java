package parley.experiment;

/**
 * A cell result as its row holds it: the reply's text and the rating in columns of their own (the
 * text is searched, the rating changes alone), everything else as JSON.
 */
final class StoredResult {
    private StoredResult() {}

    static CellResult withoutTextAndRating(CellResult r) {
        return with(r, "", null);
    }

    static CellResult with(CellResult r, String content, Integer rating) {
        return new CellResult(r.cell(), r.status(), content, r.reasoning(), r.finishReason(), r.usage(), r.truncated(),
                r.costUsd(), r.ttftMillis(), r.durationMillis(), r.tokensPerSecond(), r.error(), r.verdicts(), rating,
                r.startedAt());
    }
}
