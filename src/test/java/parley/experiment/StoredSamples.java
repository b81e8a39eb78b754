package parley.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.Usage;
import parley.chat.ChatSettings;

/** A small experiment with fixed ids and times, and results of every kind, for the store and export tests. */
public final class StoredSamples {
    static final Instant CREATED = Instant.parse("2026-12-07T10:00:00Z");

    private StoredSamples() {}

    /** Two models (one on a local server) × temperature 0.2 or left out × one input row: four cells. */
    public static Experiment experiment() {
        ChatSettings base = ChatSettings.defaults().withExtended(ChatSettings.defaults().extended().withSeed(42L))
                .withStop(List.of("END"));
        return new Experiment("exp-1", "Tides at two temperatures",
                new Prompt("You are terse.", List.of(ChatMessage.user("Hello"), ChatMessage.assistant("Hi.")),
                        "Why are the tides so high in {{place}}?"),
                base,
                List.of(new Target("atlascloud", null, "deepseek-ai/deepseek-v3.2"),
                        new Target("local", "http://127.0.0.1:8080/v1", "qwen3-4b")),
                List.of(new ParamAxis("temperature", List.of(ParamValue.of(0.2), ParamValue.OMIT))),
                List.of(new InputRow(Map.of("place", "Saint-Malo"))), 1, 4, checks(), CREATED);
    }

    static List<Check> checks() {
        return List.of(new Check.Contains("tide"), new Check.NotContains("sorry"), new Check.Matches("\\bbay\\b"),
                new Check.ValidJson(), new Check.MatchesSchema("{\"type\":\"object\"}"), new Check.MaxTokens(300),
                new Check.Judge(new Target("deepseek", null, "deepseek-chat"), "Is it right and brief?", 4));
    }

    static CellResult completed() {
        return new CellResult(0, CellStatus.COMPLETED,
                "The bay funnels the Atlantic tide. <b>See</b> https://example.com/tides & more.", "Think of the bay.",
                "stop", new Usage(40, 18, 58, 5, 10), false, new BigDecimal("0.000414"), 320L, 1800L, 10.0,
                null, List.of(new Verdict(0, true, "found", null, null),
                        new Verdict(6, true, "clear", 5, new BigDecimal("0.00002"))), 5, CREATED.plusSeconds(1));
    }

    static CellResult truncated() {
        return new CellResult(1, CellStatus.TRUNCATED, "Because the shape of the", "", "length",
                new Usage(40, 8, 48, null, null), true, new BigDecimal("0.0001"), 250L, 900L, 8.9, null, List.of(),
                null, CREATED.plusSeconds(1));
    }

    static CellResult failed() {
        return new CellResult(2, CellStatus.FAILED, "", "", null, Usage.NONE, false, null, null, 120L, null,
                new ApiError(ApiError.Kind.SERVER, 503, "server_error", "The model is loading | try again", 2, null),
                List.of(), null, CREATED.plusSeconds(2));
    }

    /** Cells 0, 1 and 2 ended (whole, cut, failed); cell 3 never ran. */
    public static SavedExperiment halfRun() {
        return new SavedExperiment(experiment(), List.of(completed(), truncated(), failed()));
    }
}
