package parley.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Figures over a set of cell results: per group of repeats the median, minimum and maximum of each
 * figure and how many distinct replies; over any set (a column, a row) the checks passed and the
 * ratings summed. Results without a figure (a failed cell has no tokens) are left out of that figure.
 */
public final class ResultStats {
    private ResultStats() {}

    /** One figure over a group: null fields when no result had it. */
    public record Spread(Double median, Double min, Double max, int count) {
        static final Spread NONE = new Spread(null, null, null, 0);
    }

    /** A group of repeats: cells that ended, distinct replies among the whole ones, and each figure's spread. */
    public record Group(int ended, int distinctReplies, Spread ttftMillis, Spread durationMillis,
                        Spread tokensPerSecond, Spread promptTokens, Spread completionTokens,
                        Spread reasoningTokens, Spread cachedTokens, Spread costUsd) {}

    /** Checks passed of checks run, and ratings: their sum and how many cells were rated. */
    public record Tally(int passed, int checked, int ratingSum, int rated) {
        /** Passed of checked as 0–1, null when nothing was checked. */
        public Double passRate() { return checked == 0 ? null : (double) passed / checked; }
    }

    public static Group group(Collection<CellResult> results) {
        List<CellResult> list = List.copyOf(results);
        Set<String> replies = new HashSet<>();
        for (CellResult r : list) {
            if (r.status() == CellStatus.COMPLETED || r.status() == CellStatus.TRUNCATED) replies.add(r.content().strip());
        }
        return new Group(list.size(), replies.size(), spread(list, r -> r.ttftMillis() == null ? null : r.ttftMillis().doubleValue()),
                spread(list, r -> r.status() == CellStatus.FAILED ? null : (double) r.durationMillis()),
                spread(list, CellResult::tokensPerSecond),
                spread(list, r -> number(r.usage().promptTokens())),
                spread(list, r -> number(r.usage().completionTokens())),
                spread(list, r -> number(r.usage().reasoningTokens())),
                spread(list, r -> number(r.usage().cachedTokens())),
                spread(list, r -> r.costUsd() == null ? null : r.costUsd().doubleValue()));
    }

    public static Tally tally(Collection<CellResult> results) {
        int passed = 0;
        int checked = 0;
        int sum = 0;
        int rated = 0;
        for (CellResult r : results) {
            for (Verdict v : r.verdicts()) {
                checked++;
                if (v.passed()) passed++;
            }
            if (r.rating() != null) {
                sum += r.rating();
                rated++;
            }
        }
        return new Tally(passed, checked, sum, rated);
    }

    /** The sum of the known costs (null when none is known). */
    public static BigDecimal cost(Collection<CellResult> results) {
        return results.stream().map(CellResult::costUsd).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }

    static Spread spread(List<CellResult> results, Function<CellResult, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (CellResult r : results) {
            Double v = figure.apply(r);
            if (v != null && !v.isNaN()) values.add(v);
        }
        if (values.isEmpty()) return Spread.NONE;
        values.sort(null);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return new Spread(median, values.getFirst(), values.getLast(), n);
    }

    private static Double number(Integer value) {
        return value == null ? null : value.doubleValue();
    }
}
