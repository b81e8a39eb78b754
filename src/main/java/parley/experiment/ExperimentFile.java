package parley.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import parley.api.ChatRequest;
import parley.api.RequestJson;
import parley.history.FileFormatException;

/**
 * A saved experiment exported as JSON ({@code "format": "parley.experiment"}): the definition, then
 * every cell with its place in the grid, the request it sends (the body exactly as posted) and its
 * result when it ran, then the cost (known cells summed; the others counted). Read back for import:
 * the definition and the results; cells and requests are derived and not read. The file holds no
 * key: neither a definition nor a request has a place for one.
 */
public final class ExperimentFile {
    public static final String FORMAT = "parley.experiment";
    public static final int VERSION = 1;

    private ExperimentFile() {}

    /** The file's top level. */
    public record Contents(String format, int version, Experiment experiment, List<ExportedCell> cells,
                           BigDecimal costUsd, int costUnknownCells) {}

    /** One cell: where it sits, the request as sent ({@code request}, JSON) and its result (null when it never ran). */
    public record ExportedCell(int index, Target target, Map<String, ParamValue> params, Map<String, String> vars,
                               int repeat, JsonNode request, CellResult result) {}

    /** The export; {@code requests} builds each cell's request as the runner sends it. */
    public static String write(SavedExperiment saved, BiFunction<Experiment, Cell, ChatRequest> requests) {
        Map<Integer, CellResult> results = ExperimentTable.byCell(saved);
        List<ExportedCell> cells = new ArrayList<>();
        for (Cell cell : Cells.of(saved.experiment())) {
            cells.add(new ExportedCell(cell.index(), cell.target(), cell.params(), cell.vars().values(), cell.repeat(),
                    request(requests.apply(saved.experiment(), cell)), results.get(cell.index())));
        }
        BigDecimal cost = BigDecimal.ZERO;
        int unknown = 0;
        for (CellResult r : saved.results()) {
            if (r.costUsd() == null) {
                unknown++;
            } else {
                cost = cost.add(r.costUsd());
            }
        }
        return ExperimentJson.write(ExperimentJson.MAPPER,
                new Contents(FORMAT, VERSION, saved.experiment(), cells, cost, unknown)) + "\n";
    }

    /**
     * Reads an export; {@code name} is how the file is named in a message. Everything is checked
     * before anything is returned: a damaged file gives a {@link FileFormatException} saying what is wrong.
     */
    public static SavedExperiment read(String json, String name) {
        JsonNode tree;
        try {
            // costs are exact decimals: read as written, not through a double
            tree = ExperimentJson.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(json);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (tree == null || !FORMAT.equals(tree.path("format").asText()) || !tree.path("experiment").isObject()) {
            throw new FileFormatException(name + " is not a Parley experiment export (it lacks \"format\": \""
                    + FORMAT + "\"): choose a file made with Export as JSON.");
        }
        if (tree.path("version").asInt(0) > VERSION) {
            throw new FileFormatException(name + " was written by a newer Parley (format version "
                    + tree.path("version").asInt() + "): update Parley to import it.");
        }
        Experiment experiment = value(tree.get("experiment"), Experiment.class, name, "the experiment");
        check(experiment, name);
        return new SavedExperiment(experiment, results(tree.path("cells"), experiment, name));
    }

    private static List<CellResult> results(JsonNode cells, Experiment experiment, String name) {
        if (!cells.isArray()) {
            throw new FileFormatException(name + " has no \"cells\" list: choose a file made with Export as JSON.");
        }
        List<CellResult> results = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int position = 0;
        for (JsonNode cell : cells) {
            position++;
            if (!cell.hasNonNull("result")) {
                continue;
            }
            CellResult r = value(cell.get("result"), CellResult.class, name, "cell " + position);
            if (r.status() == null || r.cell() < 0 || r.cell() >= experiment.cellCount() || !seen.add(r.cell())) {
                throw new FileFormatException(name + ": the result of cell " + position + " has no status, or a cell"
                        + " number that is not one of the experiment's " + experiment.cellCount()
                        + " cells or is given twice: fix its \"status\" or \"cell\".");
            }
            results.add(r);
        }
        results.sort(java.util.Comparator.comparingInt(CellResult::cell));
        return results;
    }

    private static void check(Experiment experiment, String name) {
        if (experiment.id() == null || experiment.id().isBlank() || experiment.prompt() == null
                || experiment.base() == null || experiment.targets().isEmpty()) {
            throw new FileFormatException(name + ": the experiment lacks its id, its prompt, its base settings or"
                    + " its models: choose a file made with Export as JSON.");
        }
        for (ParamAxis axis : experiment.params()) {
            if (axis.name() == null || axis.values().isEmpty()) {
                throw new FileFormatException(name + ": a swept parameter has no name or no values: fix \"params\".");
            }
        }
    }

    private static <T> T value(JsonNode node, Class<T> type, String name, String what) {
        try {
            T value = ExperimentJson.MAPPER.treeToValue(node, type);
            if (value == null) {
                throw new FileFormatException(name + ": " + what + " is empty: choose a file made with Export as JSON.");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof IOException io ? ExperimentJson.reason(io) : e.getMessage();
            throw new FileFormatException(name + ": " + what + " cannot be read (" + reason
                    + "): choose a file made with Export as JSON.", e);
        }
    }

    private static FileFormatException unreadable(String name, IOException e) {
        return new FileFormatException(name + " is not a readable experiment export (" + ExperimentJson.reason(e)
                + "): choose a file made with Export as JSON.", e);
    }

    private static JsonNode request(ChatRequest request) {
        try {
            return ExperimentJson.MAPPER.readTree(RequestJson.write(request));
        } catch (IOException e) {
            throw new IllegalStateException("the request cannot be read back as JSON: " + ExperimentJson.reason(e), e);
        }
    }
}
