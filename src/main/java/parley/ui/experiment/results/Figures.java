package parley.ui.experiment.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import parley.experiment.CellResult;
import parley.experiment.GroupStats;
import parley.experiment.Verdict;

/** A cell's figures as the views print them. */
final class Figures {
    private Figures() {}

    /** "ttft 412 ms · 3.2 s · 52 tok/s · 1,234 tok · $0.0012 · ✓✓✗", leaving out what is unknown. */
    static String line(CellResult r) {
        List<String> parts = new ArrayList<>();
        if (r.ttftMillis() != null) parts.add("ttft " + millis(r.ttftMillis()));
        parts.add(seconds(r.durationMillis()));
        if (r.tokensPerSecond() != null) parts.add(String.format(Locale.ROOT, "%.0f tok/s", r.tokensPerSecond()));
        if (r.usage().completionTokens() != null) parts.add(String.format(Locale.ROOT, "%,d tok", r.usage().completionTokens()));
        parts.add(cost(r.costUsd()));
        if (!r.verdicts().isEmpty()) parts.add(marks(r.verdicts()));
        return String.join(" · ", parts);
    }

    /** One mark per check: ✓ passed, ✗ failed. */
    static String marks(List<Verdict> verdicts) {
        StringBuilder sb = new StringBuilder();
        for (Verdict v : verdicts) sb.append(v.passed() ? '✓' : '✗');
        return sb.toString();
    }

    static String millis(long ms) {
        return String.format(Locale.ROOT, "%,d ms", ms);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String cost(BigDecimal usd) {
        return usd == null ? "cost ?" : "$" + usd.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** "median 412 (380–530)" for a group of repeats; empty when nothing was measured. */
    static String spread(GroupStats.Figure s, String unit) {
        if (s.median() == null) return "";
        return String.format(Locale.ROOT, "%s median %,.0f (%,.0f–%,.0f)", unit, s.median(), s.min(), s.max());
    }

    /** "checks 7/9 · rating Σ 12 (3 rated)": cells that passed every check of those checked; empty when there is neither. */
    static String tally(ColumnTally t) {
        List<String> parts = new ArrayList<>();
        if (t.checks().checked() > 0) {
            parts.add(String.format(Locale.ROOT, "checks %d/%d", t.checks().passed(), t.checks().checked()));
        }
        if (t.rated() > 0) parts.add(String.format(Locale.ROOT, "rating Σ %d (%d rated)", t.ratingSum(), t.rated()));
        return String.join(" · ", parts);
    }
}
