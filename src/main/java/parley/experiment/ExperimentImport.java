package parley.experiment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The id an imported experiment is stored under, derived from what it holds: importing the same file
 * again finds it stored and adds nothing. An experiment imported into the database it came from is a
 * copy beside the original, as an imported conversation is.
 */
final class ExperimentImport {
    private ExperimentImport() {}

    static SavedExperiment identify(SavedExperiment saved) {
        Experiment e = saved.experiment();
        String content = ExperimentJson.write(e) + "\n"
                + ExperimentJson.write(ExperimentJson.COMPACT, List.copyOf(saved.results()));
        String id = UUID.nameUUIDFromBytes(("parley.import\n" + content).getBytes(StandardCharsets.UTF_8)).toString();
        Experiment renamed = new Experiment(id, e.name(), e.prompt(), e.base(), e.targets(), e.params(), e.inputs(),
                e.repeats(), e.concurrency(), e.checks(), e.createdAt());
        return new SavedExperiment(renamed, saved.results());
    }
}
