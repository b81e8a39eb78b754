package parley.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.api.Usage;

/**
 * The table of an experiment's exports: one row a cell with its place (model, provider, each swept
 * parameter, each variable, repeat) and every figure of its result, as text; an empty figure where the
 * cell has none (never ran, or the provider sent no count).
 */
final class ExperimentTable {
    private ExperimentTable() {}

    static List<String> headers(Experiment experiment) {
        List<String> headers = new ArrayList<>(List.of("#", "model", "provider"));
        experiment.params().forEach(axis -> headers.add(axis.name()));
        headers.addAll(variables(experiment));
        headers.addAll(List.of("repeat", "status", "finish", "prompt tokens", "completion tokens", "reasoning tokens",
                "cached tokens", "ttft ms", "duration ms", "tokens/s", "cost USD", "checks", "rating", "error"));
        return headers;
    }

    static List<List<String>> rows(SavedExperiment saved) {
        Map<Integer, CellResult> byCell = byCell(saved);
        List<String> variables = variables(saved.experiment());
        List<List<String>> rows = new ArrayList<>();
        for (Cell cell : Cells.of(saved.experiment())) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(cell.index() + 1), cell.target().model(),
                    cell.target().provider()));
            cell.params().values().forEach(v -> row.add(v.label()));
            variables.forEach(name -> row.add(cell.vars().values().getOrDefault(name, "")));
            row.add(String.valueOf(cell.repeat()));
            row.addAll(figures(byCell.get(cell.index())));
            rows.add(row);
        }
        return rows;
    }

    static Map<Integer, CellResult> byCell(SavedExperiment saved) {
        Map<Integer, CellResult> byCell = new HashMap<>();
        saved.results().forEach(r -> byCell.put(r.cell(), r));
        return byCell;
    }

    static List<String> variables(Experiment experiment) {
        return ExperimentProblems.columns(experiment.inputs());
    }

    private static List<String> figures(CellResult r) {
        if (r == null) {
            return List.of("not run", "", "", "", "", "", "", "", "", "", "", "", "");
        }
        Usage u = r.usage();
        long passed = r.verdicts().stream().filter(Verdict::passed).count();
        return List.of(status(r), text(r.finishReason()), number(u.promptTokens()), number(u.completionTokens()),
                number(u.reasoningTokens()), number(u.cachedTokens()), number(r.ttftMillis()),
                String.valueOf(r.durationMillis()), r.tokensPerSecond() == null ? "" : String.format(java.util.Locale.ROOT,
                        "%.1f", r.tokensPerSecond()), cost(r.costUsd()),
                r.verdicts().isEmpty() ? "" : passed + "/" + r.verdicts().size(), number(r.rating()),
                r.error() == null ? "" : text(r.error().message()));
    }

    static String status(CellResult r) {
        return r.status().name().toLowerCase(java.util.Locale.ROOT) + (r.truncated() && r.status() != CellStatus.TRUNCATED
                ? " (cut)" : "");
    }

    static String cost(BigDecimal cost) {
        return cost == null ? "" : cost.toPlainString();
    }

    /** The known cells' cost summed, and how many ended cells had no price. */
    static String totalCost(SavedExperiment saved) {
        BigDecimal total = BigDecimal.ZERO;
        int unknown = 0;
        for (CellResult r : saved.results()) {
            if (r.costUsd() == null) {
                unknown++;
            } else {
                total = total.add(r.costUsd());
            }
        }
        return "$" + total.toPlainString() + (unknown == 0 ? "" : " (" + unknown + (unknown == 1 ? " cell" : " cells") + " without a price)");
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
