package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.chat.ChatSettings;

class ExperimentProblemsTest {
    private static final Target MODEL = new Target("deepseek", null, "deepseek-chat");

    private static Experiment experiment(Prompt prompt, List<Target> targets, List<ParamAxis> axes,
                                         List<InputRow> rows, List<Check> checks) {
        return new Experiment("e", "t", prompt, ChatSettings.defaults(), targets, axes, rows, 1, 4, checks, null);
    }

    @Test
    void aSoundExperimentHasNoProblems() {
        ExperimentProblems problems = ExperimentProblems.of(experiment(Prompt.of(null, "Hi {{x}}"), List.of(MODEL),
                List.of(ParamAxes.parse("temperature=0,1")), List.of(new InputRow(Map.of("x", "1"))), List.of()));
        assertThat(problems.ok()).isTrue();
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void everyBadInputIsNamed() {
        ExperimentProblems problems = ExperimentProblems.of(experiment(Prompt.of(null, "Hi {{x}}"), List.of(),
                List.of(new ParamAxis("temperature", List.of()), new ParamAxis("top_k", List.of(ParamValue.of(3))),
                        new ParamAxis("top_p", List.of(ParamValue.of(3.0)))),
                List.of(new InputRow(Map.of("y", "1"))),
                List.of(new Check.Matches("("), new Check.MatchesSchema("{\"type\": 5}"), new Check.MaxTokens(0),
                        new Check.Judge(MODEL, " ", 6), new Check.Contains(""))));
        assertThat(problems.errors()).containsExactly(
                "no model: add at least one model to run the prompt against",
                "temperature has no values: give at least one",
                "\"top_k\" is not a parameter that can be swept: use one of max_tokens, temperature, top_p, frequency_penalty, "
                        + "presence_penalty, seed, n, top_logprobs, logprobs, reasoning_effort",
                "top_p: must be between 0 and 1 (was 3)",
                "{{x}} has no column in the inputs: add a column named x, or take {{x}} out of the prompt",
                "check 1: not a valid regular expression: Unclosed group near index 1",
                problems.errors().get(6),
                "check 3: the token limit must be at least 1 (was 0)",
                "check 4: the judge needs a rubric: write what a good reply does",
                "check 4: the judge's pass mark is a score from 1 to 5 (was 6)",
                "check 5: contains needs a text to look for");
        assertThat(problems.errors().get(6)).startsWith("check 2: not a valid JSON schema");
        assertThat(problems.warnings()).containsExactly("the column y is not used: no {{y}} in the prompt");
    }

    @Test
    void aProviderThatCannotBeReachedIsAskedOnceAndNamed() {
        Target other = new Target("deepseek", null, "deepseek-reasoner");
        List<Target> asked = new java.util.ArrayList<>();
        ExperimentProblems problems = ExperimentProblems.of(experiment(Prompt.of(null, "Hi"), List.of(MODEL, other, MODEL),
                List.of(), List.of(), List.of()), t -> {
                    asked.add(t);
                    return "No API key for DeepSeek: set DEEPSEEK_API_KEY";
                });
        assertThat(asked).containsExactly(MODEL);
        assertThat(problems.errors()).containsExactly(
                "No API key for DeepSeek: set DEEPSEEK_API_KEY",
                "deepseek-chat @ deepseek is given twice: give each model once (use repeats to run it again)");
    }

    @Test
    void combinationsAreCheckedAsSent() {
        ExperimentProblems problems = ExperimentProblems.of(experiment(Prompt.of(null, "Hi"), List.of(MODEL),
                List.of(ParamAxes.parse("top_logprobs=2")), List.of(), List.of()));
        assertThat(problems.errors()).singleElement().asString().startsWith("top_logprobs: needs logprobs set to true");
    }

    @Test
    void tooManyCellsAreRefusedBeforeAnyIsMade() {
        ExperimentProblems problems = ExperimentProblems.of(new Experiment("e", "t", Prompt.of(null, "Hi"),
                ChatSettings.defaults(), List.of(MODEL), List.of(ParamAxes.parse("seed=1:1000:1"),
                ParamAxes.parse("temperature=0:2:0.1")), List.of(), 10, 4, List.of(), null));
        assertThat(problems.errors()).containsExactly("210,000 cells is more than 100,000: take values out of the axes or fewer repeats");
    }
}
