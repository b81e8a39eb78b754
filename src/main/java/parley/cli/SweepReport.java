package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEstimate;
import parley.experiment.ExperimentProblems;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.usage.Money;

/** What {@code parley sweep} prints: the {@code --json} objects, the table and the summary lines. */
final class SweepReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLY_WIDTH = 48;

    private SweepReport() {}

    /** {@code {"cells":[…],"cost_usd","cost_unknown_cells","duration_ms"}}; cells that did not end are left out. */
    static String json(List<Cell> cells, List<CellResult> results, long durationMillis) {
        Map<Integer, CellResult> byCell = byCell(results);
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        int unknown = 0;
        for (Cell cell : cells) {
            CellResult r = byCell.get(cell.index());
            if (r == null) continue;
            Map<String, Object> row = coordinates(cell);
            row.put("content", r.content());
            row.put("reasoning", r.reasoning());
            row.put("finish_reason", r.finishReason());
            row.put("usage", SendReport.usage(r.usage()));
            row.put("truncated", r.truncated());
            row.put("cost_usd", r.costUsd());
            row.put("ttft_ms", r.ttftMillis());
            row.put("duration_ms", r.durationMillis());
            row.put("error", r.error() == null ? null : SendReport.error(r.error()));
            rows.add(row);
            if (r.costUsd() == null) unknown++;
            else cost = cost.add(r.costUsd());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cells", rows);
        report.put("cost_usd", cost);
        report.put("cost_unknown_cells", unknown);
        report.put("duration_ms", durationMillis);
        return write(report);
    }

    /**
     * {@code {"cells":[{"model","provider","params","vars","repeat"}],"estimate_usd":{"expected","worst"},
     * "cost_unknown_cells"}}: the amounts sum the cells whose price is known (null when none is), as
     * {@code cost_usd} does after a run, and {@code cost_unknown_cells} counts the others.
     */
    static String dryRunJson(List<Cell> cells, ExperimentEstimate estimate) {
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("expected", known(estimate.expected()));
        amounts.put("worst", known(estimate.worst()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cells", cells.stream().map(SweepReport::coordinates).toList());
        report.put("estimate_usd", amounts);
        report.put("cost_unknown_cells", estimate.unknownPriceCells());
        return write(report);
    }

    /** The sum of the parts whose price is known; null when none is. */
    private static BigDecimal known(parley.usage.Cost cost) {
        return cost.isUnknown() ? null : cost.known();
    }

    private static Map<String, Object> coordinates(Cell cell) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", cell.target().model());
        row.put("provider", cell.target().provider());
        Map<String, Object> params = new LinkedHashMap<>();
        cell.params().forEach((name, value) -> params.put(name, value.value()));
        row.put("params", params);
        row.put("vars", cell.vars().values());
        row.put("repeat", cell.repeat());
        return row;
    }

    /** The cells as a table; with {@code results}, each with its outcome and figures. */
    static void table(Experiment experiment, List<Cell> cells, List<CellResult> results, PrintStream out) {
        Map<Integer, CellResult> byCell = byCell(results);
        List<String> columns = ExperimentProblems.columns(experiment.inputs());
        List<String> header = new ArrayList<>(List.of("#", "model", "provider"));
        experiment.params().forEach(axis -> header.add(axis.name()));
        header.addAll(columns);
        header.add("repeat");
        boolean ran = results != null;
        if (ran) header.addAll(List.of("status", "ttft_ms", "ms", "tok/s", "tokens", "cost", "reply"));
        List<String[]> rows = new ArrayList<>();
        rows.add(header.toArray(String[]::new));
        for (Cell cell : cells) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(cell.index() + 1), cell.target().model(),
                    cell.target().provider()));
            for (ParamAxis axis : experiment.params()) row.add(cell.params().getOrDefault(axis.name(), ParamValue.OMIT).label());
            columns.forEach(c -> row.add(oneLine(cell.vars().values().getOrDefault(c, ""), 24)));
            row.add(Integer.toString(cell.repeat()));
            if (ran) row.addAll(figures(byCell.get(cell.index())));
            rows.add(row.toArray(String[]::new));
        }
        String align = "RLL" + "L".repeat(experiment.params().size() + columns.size()) + "R" + (ran ? "LRRRRRL" : "");
        Table.print(rows, align, out);
    }

    private static List<String> figures(CellResult r) {
        if (r == null) return List.of("not run", "", "", "", "", "", "");
        String reply = r.error() != null ? "error: " + r.error().message() : r.content();
        return List.of(r.status().name().toLowerCase(), r.ttftMillis() == null ? "" : r.ttftMillis().toString(),
                Long.toString(r.durationMillis()),
                r.tokensPerSecond() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", r.tokensPerSecond()),
                r.usage().completionTokens() == null ? "" : r.usage().completionTokens().toString(),
                r.costUsd() == null ? "?" : Money.format(r.costUsd()), oneLine(reply, REPLY_WIDTH));
    }

    /** "40 cells: 39 answered whole, 1 failed; cost $0.0123 (2 cells of unknown price); 12.3 s". */
    static String summary(List<Cell> cells, List<CellResult> results, long durationMillis) {
        long whole = results.stream().filter(CellResult::whole).count();
        long notWhole = results.size() - whole;
        BigDecimal cost = BigDecimal.ZERO;
        int unknown = 0;
        for (CellResult r : results) {
            if (r.costUsd() == null) unknown++;
            else cost = cost.add(r.costUsd());
        }
        return cells.size() + " cells: " + whole + " answered whole" + (notWhole > 0 ? ", " + notWhole + " failed or cut" : "")
                + "; cost " + Money.format(cost) + (unknown > 0 ? " (" + unknown + " cells of unknown price)" : "")
                + "; " + String.format(java.util.Locale.ROOT, "%.1f s", durationMillis / 1000.0);
    }

    /** "8 cells, 8 requests; estimated $0.0012 expected, $0.0100 at worst (every reply at max_tokens)". */
    static String estimateLine(ExperimentEstimate estimate) {
        return estimate.cells() + " cells, " + estimate.requests() + " requests; estimated "
                + amount(estimate.expected()) + " expected, " + amount(estimate.worst())
                + " at worst (every reply at max_tokens)";
    }

    private static String amount(parley.usage.Cost cost) {
        if (cost.isUnknown()) return "an unknown cost";
        return Money.format(cost.known()) + (cost.isComplete() ? "" : " plus models of unknown price");
    }

    private static Map<Integer, CellResult> byCell(List<CellResult> results) {
        Map<Integer, CellResult> byCell = new HashMap<>();
        if (results != null) results.forEach(r -> byCell.put(r.cell(), r));
        return byCell;
    }

    private static String oneLine(String text, int width) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }

    private static String write(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
