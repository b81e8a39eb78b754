package parley.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures of a group of repeats (the cells that differ only in {@code repeat}): how many ended and
 * answered whole, the median, minimum and maximum of time to first token, duration, tokens per second,
 * completion tokens and cost over the cells that have the figure, and how many distinct replies
 * (compared after trimming) the whole ones gave.
 */
public record GroupStats(String key, int cells, int answered, Figure ttftMillis, Figure durationMillis,
                         Figure tokensPerSecond, Figure completionTokens, Figure costUsd, int distinctReplies) {

    /** Median, minimum and maximum; all null when no cell has the figure. The median of an even count is the mean of the middle two. */
    public record Figure(Double median, Double min, Double max, int count) {
        public static final Figure NONE = new Figure(null, null, null, 0);

        static Figure of(List<Double> values) {
            if (values.isEmpty()) {
                return NONE;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Figure(median, sorted.getFirst(), sorted.getLast(), n);
        }
    }

    public static GroupStats of(String key, List<CellResult> results) {
        List<CellResult> whole = results.stream().filter(CellResult::whole).toList();
        Set<String> replies = new HashSet<>();
        whole.forEach(r -> replies.add(r.content().strip()));
        return new GroupStats(key, results.size(), whole.size(),
                figure(whole, r -> r.ttftMillis() == null ? null : r.ttftMillis().doubleValue()),
                figure(whole, r -> (double) r.durationMillis()),
                figure(whole, CellResult::tokensPerSecond),
                figure(whole, r -> r.usage().completionTokens() == null ? null : r.usage().completionTokens().doubleValue()),
                figure(results, r -> r.costUsd() == null ? null : r.costUsd().doubleValue()),
                replies.size());
    }

    /** The figures of every group that has an ended cell, keyed by {@link Cell#groupKey()}, in cell order. */
    public static Map<String, GroupStats> byGroup(List<Cell> cells, List<CellResult> results) {
        Map<Integer, CellResult> byCell = new LinkedHashMap<>();
        results.forEach(r -> byCell.put(r.cell(), r));
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            CellResult result = byCell.get(cell.index());
            if (result != null) {
                groups.computeIfAbsent(cell.groupKey(), k -> new ArrayList<>()).add(result);
            }
        }
        Map<String, GroupStats> stats = new LinkedHashMap<>();
        groups.forEach((key, members) -> stats.put(key, of(key, members)));
        return stats;
    }

    private static Figure figure(List<CellResult> results, Function<CellResult, Double> value) {
        List<Double> values = new ArrayList<>();
        for (CellResult result : results) {
            Double v = value.apply(result);
            if (v != null) values.add(v);
        }
        return Figure.of(values);
    }
}
