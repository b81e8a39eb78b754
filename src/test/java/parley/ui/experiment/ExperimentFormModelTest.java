package parley.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.chat.ChatSettings;
import parley.experiment.Cells;
import parley.experiment.Check;
import parley.experiment.Experiment;
import parley.experiment.ParamValue;
import parley.experiment.Target;
import parley.provider.ModelInfo;
import parley.ui.params.ParamSpec;

class ExperimentFormModelTest {
    private static ModelChoice choice(String provider, String model) {
        return new ModelChoice(new Target(provider, null, model), provider, ModelInfo.of(model));
    }

    private final ExperimentFormModel form = new ExperimentFormModel();

    @Test
    void fillsFromTheChatsRequest() {
        ChatSettings settings = ChatSettings.defaults().withTemperature(0.3);
        form.fillFrom(settings, List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello"), ChatMessage.user("Name a colour")), choice("deepseek", "deepseek-chat"));

        assertThat(form.systemProperty().get()).isEqualTo("Be brief.");
        assertThat(form.userProperty().get()).isEqualTo("Name a colour");
        assertThat(form.history()).extracting(ChatMessage::content).containsExactly("Hi", "Hello");
        assertThat(form.chosen()).extracting(c -> c.target().model()).containsExactly("deepseek-chat");
        assertThat(form.base().temperature()).isEqualTo(0.3);
        assertThat(form.problems()).isEmpty();
        assertThat(form.cellCountProperty().get()).isEqualTo(1);
    }

    @Test
    void theCellsAreTheCrossProductOfModelsValuesRowsAndRepeats() {
        form.fillFrom(ChatSettings.defaults(), List.of(ChatMessage.user("Capital of {{country}}?")), choice("a", "m1"));
        form.offer(List.of(choice("b", "m2")));
        form.choose(form.offered());
        AxisModel temperature = form.addAxis(ParamSpec.TEMPERATURE);
        temperature.setRange(0, 1);
        temperature.setStep("0.3");
        temperature.setOmit(true);
        assertThat(form.problems()).containsExactly("{{country}} has no column in the inputs: add a column named country.",
                "Add a row of values for country.");
        form.inputs().setColumns(List.of("country"));
        assertThat(form.inputs().paste(0, 0, "France\nJapan\r\nPeru\n")).isEqualTo(3);
        form.setRepeats("2");

        assertThat(temperature.valuesProperty().get()).extracting(ParamValue::label).containsExactly("0.0", "0.3", "0.6", "0.9", "omit");
        assertThat(form.problems()).isEmpty();
        assertThat(form.cellCountProperty().get()).isEqualTo(2 * 5 * 3 * 2);
        Experiment experiment = form.experiment();
        assertThat(experiment.cellCount()).isEqualTo(60);
        assertThat(Cells.of(experiment).get(2).vars().values()).containsEntry("country", "Japan");
        assertThat(experiment.params().getFirst().name()).isEqualTo("temperature");
    }

    @Test
    void badInputNamesWhatToChange() {
        form.fillFrom(ChatSettings.defaults(), List.of(ChatMessage.user("Hi")), choice("a", "m1"));
        AxisModel axis = form.addAxis(ParamSpec.TEMPERATURE);
        axis.setStep("0");
        assertThat(axis.messageProperty().get()).isEqualTo("The step of temperature must be above 0.");
        assertThat(form.problems()).contains("The step of temperature must be above 0.");
        assertThatThrownBy(form::experiment).hasMessage("The step of temperature must be above 0.");
        axis.setListMode(true);
        axis.setList("0.2, 3");
        assertThat(axis.messageProperty().get()).isEqualTo("temperature must be 0 to 2, not 3.");
        axis.setList("0.2 omit 1");
        assertThat(axis.valuesText()).isEqualTo("0.2, omit, 1.0");
        assertThat(form.setRepeats("0")).isFalse();
        assertThat(form.countsMessageProperty().get()).startsWith("Repeats takes a whole number from 1 to 100");
        form.choose(List.of());
        assertThat(form.problems()).contains("Check at least one model.");
        assertThat(form.addCheck(CheckKind.MATCHES, "(")).startsWith("The regular expression does not compile");
        assertThat(form.addCheck(CheckKind.MAX_TOKENS, "50")).isEmpty();
        assertThat(form.checks()).containsExactly(new Check.MaxTokens(50));
    }

    @Test
    void aJudgeCheckNeedsItsModelARubricAndAPassMarkFromOneToFive() {
        ModelChoice judge = choice("deepseek", "deepseek-chat");
        assertThat(form.addJudge(null, "Is it right?", 4)).isEqualTo("Choose the model that judges the replies.");
        assertThat(form.addJudge(judge, "  ", 4)).isEqualTo("Write the rubric: what a good reply does.");
        assertThat(form.addJudge(judge, "Is it right?", 6)).isEqualTo("The pass mark is a score from 1 to 5, not 6.");
        assertThat(form.checks()).isEmpty();
        assertThat(form.addJudge(judge, " Is it right? ", 3)).isEmpty();
        assertThat(form.checks()).containsExactly(new Check.Judge(judge.target(), "Is it right?", 3));
        assertThat(CheckKind.describe(form.checks().getFirst())).isEqualTo("judged by deepseek-chat @ deepseek (pass at 3)");
    }

    @Test
    void anUnusedColumnIsAWarningAndARangeAtItsBoundsIsKept() {
        form.fillFrom(ChatSettings.defaults(), List.of(ChatMessage.user("Hi")), choice("a", "m1"));
        form.inputs().addColumn("unused");
        form.inputs().addRow();
        assertThat(form.warnings()).containsExactly("The inputs' column \"unused\" is used by no {{variable}} in the prompt.");
        AxisModel tokens = form.addAxis(ParamSpec.MAX_TOKENS);
        tokens.setRange(-5, 100);
        tokens.setStep("50");
        assertThat(tokens.valuesProperty().get()).extracting(ParamValue::value).containsExactly(1L, 51L);
        tokens.setStep("0.5");
        assertThat(tokens.messageProperty().get()).isEqualTo("max_tokens takes whole numbers: make the step a whole number.");
    }
}
