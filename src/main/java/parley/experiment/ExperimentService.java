package parley.experiment;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import parley.api.ChatRequest;
import parley.history.FileFormatException;
import parley.history.FileLimit;

/**
 * Saved experiments for the window and the CLI alike: list, open, rename, delete and search them,
 * export one to a file, import an export, and tell which cells to run again. Calls touch the database
 * and files: never on the JavaFX thread.
 */
public final class ExperimentService {
    private final ExperimentStore store;
    private final BiFunction<Experiment, Cell, ChatRequest> requests;
    private final LongSupplier maxFileBytes;

    /** Requests built as the runner builds them ({@link CellRequests}); {@code maxFileBytes}: the largest import. */
    public ExperimentService(ExperimentStore store, LongSupplier maxFileBytes) {
        this(store, CellRequests::request, maxFileBytes);
    }

    /**
     * {@code requests} builds a cell's request as the runner sends it (for the JSON export);
     * {@code maxFileBytes} gives the largest file an import reads.
     */
    public ExperimentService(ExperimentStore store, BiFunction<Experiment, Cell, ChatRequest> requests,
                             LongSupplier maxFileBytes) {
        this.store = store;
        this.requests = requests;
        this.maxFileBytes = maxFileBytes;
    }

    public ExperimentStore store() { return store; }

    public List<ExperimentSummary> list() { return store.list(); }

    public Optional<SavedExperiment> load(String experimentId) { return store.load(experimentId); }

    public boolean rename(String experimentId, String name) { return store.rename(experimentId, name); }

    public boolean delete(String experimentId) { return store.delete(experimentId); }

    public List<ExperimentHit> search(String query, int limit) { return store.search(query, limit); }

    /** The cells to run again: failed, cut, stopped or never run. */
    public static List<Cell> failedCells(SavedExperiment saved) { return FailedCells.of(saved); }

    /** The saved experiment's JSON export (e.g. to share it with a team); empty when it is no longer stored. */
    public Optional<String> exportJson(String experimentId) {
        return store.load(experimentId).map(saved -> export(saved, ExportFormat.JSON));
    }

    /** The experiment in {@code format}, as text. */
    public String export(SavedExperiment saved, ExportFormat format) {
        return switch (format) {
            case JSON -> ExperimentFile.write(saved, requests);
            case MARKDOWN -> ExperimentMarkdown.write(saved);
            case HTML -> ExperimentHtml.write(saved);
            case CSV -> csv(saved);
        };
    }

    private static String csv(SavedExperiment saved) {
        StringWriter out = new StringWriter();
        ExperimentCsv.write(saved.experiment(), Cells.of(saved.experiment()), saved.results(), out);
        return out.toString();
    }

    /** Writes the saved experiment to {@code file} in {@code format}; a file there is replaced whole or not at all. */
    public void export(String experimentId, ExportFormat format, Path file) throws IOException {
        SavedExperiment saved = store.load(experimentId).orElseThrow(() -> new IllegalArgumentException(
                "No saved experiment has the id " + experimentId + ": list them to find its id."));
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.writeString(partial, export(saved, format), StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** What an import did: the id the experiment is stored under, and whether it was added (false: stored before). */
    public record ImportReport(String experimentId, String name, boolean added) {}

    /**
     * Imports a JSON export: the experiment and every result, or nothing when the file is damaged
     * ({@link FileFormatException}). An experiment imported before is not added again.
     */
    public ImportReport importFile(Path file) throws IOException {
        return importText(FileLimit.readText(file, maxFileBytes.getAsLong()), file.getFileName().toString());
    }

    /** Imports a JSON export given as text ({@code name} says where it came from in a message), as {@link #importFile} does. */
    public ImportReport importText(String json, String name) {
        SavedExperiment read = ExperimentFile.read(json, name);
        SavedExperiment identified = ExperimentImport.identify(read);
        boolean added = store.insertIfAbsent(identified);
        return new ImportReport(identified.experiment().id(), identified.experiment().name(), added);
    }
}
