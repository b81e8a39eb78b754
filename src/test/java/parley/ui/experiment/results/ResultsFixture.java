package parley.ui.experiment.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import parley.api.ApiError;
import parley.api.Usage;
import parley.chat.ChatSettings;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.experiment.Prompt;
import parley.experiment.Target;
import parley.experiment.Verdict;

/** Experiments and runner events built by hand for the result views' tests. */
final class ResultsFixture {
    static final Target ATLAS = new Target("atlascloud", null, "deepseek-v3.2");
    static final Target LOCAL = new Target("local", "http://127.0.0.1:8080/v1", "qwen3-4b");

    private ResultsFixture() {}

    /** Two models × temperature 0.2 and 1.0: cells 0 and 1 are Atlas's, 2 and 3 the local model's. */
    static Experiment twoByTwo() {
        return experiment(List.of(ATLAS, LOCAL), List.of(0.2, 1.0), 1);
    }

    static Experiment experiment(List<Target> targets, List<Double> temperatures, int repeats) {
        return new Experiment("exp-1", "Haiku", Prompt.of(null, "Write a haiku about {{topic}}"),
                ChatSettings.defaults(), targets,
                List.of(new ParamAxis("temperature", temperatures.stream().map(ParamValue::of).toList())),
                List.of(), repeats, Experiment.DEFAULT_CONCURRENCY, List.of(), Instant.parse("2026-12-07T10:00:00Z"));
    }

    static CellResult done(int cell, String content, long ttft, int tokens, String cost, boolean... checks) {
        List<Verdict> verdicts = new java.util.ArrayList<>();
        for (int i = 0; i < checks.length; i++) verdicts.add(new Verdict(i, checks[i], checks[i] ? "ok" : "no", null, null));
        return new CellResult(cell, CellStatus.COMPLETED, content, "", "stop", new Usage(12, tokens, 12 + tokens, 0, 0),
                false, cost == null ? null : new BigDecimal(cost), ttft, ttft + 1000, tokens / 1.0, null, verdicts, null,
                Instant.parse("2026-12-07T10:00:01Z"));
    }

    static CellResult failed(int cell, String message) {
        return new CellResult(cell, CellStatus.FAILED, "", "", null, null, false, null, null, 300, null,
                new ApiError(ApiError.Kind.SERVER, 500, "server_error", message), List.of(), null,
                Instant.parse("2026-12-07T10:00:01Z"));
    }

    /** Streams {@code content} into the cell in pieces of a few characters, then ends it with {@code result}. */
    static void stream(ResultsModel model, CellResult result) {
        model.accept(new ExperimentEvent.CellStarted(result.cell()));
        String content = result.content();
        for (int i = 0; i < content.length(); i += 4) {
            model.accept(new ExperimentEvent.CellDelta(result.cell(), content.substring(i, Math.min(content.length(), i + 4)), ""));
        }
        model.accept(new ExperimentEvent.CellEnded(result));
    }
}
