package parley.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.api.Usage;

/**
 * An experiment's cells as CSV, one row a cell (RFC 4180: comma-separated, quoted where needed, CRLF):
 * {@code model,provider}, a column per swept parameter (its value as sent, {@code omit} when left out)
 * and per input column, then {@link #TAIL}. A cell that has not ended has only its coordinates.
 */
public final class ExperimentCsv {
    public static final List<String> TAIL = List.of("repeat", "finish_reason", "prompt_tokens", "completion_tokens",
            "reasoning_tokens", "cached_tokens", "ttft_ms", "duration_ms", "cost_usd", "error", "content");

    private ExperimentCsv() {}

    public static List<String> header(Experiment experiment) {
        List<String> header = new ArrayList<>(List.of("model", "provider"));
        experiment.params().forEach(axis -> header.add(axis.name()));
        header.addAll(ExperimentProblems.columns(experiment.inputs()));
        header.addAll(TAIL);
        return header;
    }

    public static void write(Experiment experiment, List<Cell> cells, List<CellResult> results, Writer out) {
        Map<Integer, CellResult> byCell = new HashMap<>();
        results.forEach(r -> byCell.put(r.cell(), r));
        List<String> columns = ExperimentProblems.columns(experiment.inputs());
        line(out, header(experiment));
        for (Cell cell : cells) {
            List<String> row = new ArrayList<>(List.of(cell.target().model(), cell.target().provider()));
            experiment.params().forEach(axis -> row.add(cell.params().getOrDefault(axis.name(), ParamValue.OMIT).label()));
            columns.forEach(column -> row.add(cell.vars().values().getOrDefault(column, "")));
            row.add(Integer.toString(cell.repeat()));
            row.addAll(figures(byCell.get(cell.index())));
            line(out, row);
        }
    }

    private static List<String> figures(CellResult r) {
        if (r == null) {
            return List.of("", "", "", "", "", "", "", "", "", "");
        }
        Usage u = r.usage();
        return List.of(orEmpty(r.finishReason()), number(u.promptTokens()), number(u.completionTokens()),
                number(u.reasoningTokens()), number(u.cachedTokens()), number(r.ttftMillis()),
                Long.toString(r.durationMillis()), r.costUsd() == null ? "" : r.costUsd().toPlainString(),
                r.error() == null ? "" : r.error().message(), r.content());
    }

    private static String number(Number value) { return value == null ? "" : value.toString(); }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void line(Writer out, List<String> fields) {
        try {
            out.write(String.join(",", fields.stream().map(ExperimentCsv::field).toList()));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
