package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.chat.ChatSettings;

class CellRequestsTest {
    private static final ChatSettings BASE = ChatSettings.defaults().withSystemPrompt("base system")
            .withTemperature(0.7).withMaxTokens(100);

    private static Experiment experiment(Prompt prompt, List<ParamAxis> axes, List<InputRow> rows) {
        return new Experiment("e", "test", prompt, BASE,
                List.of(new Target("deepseek", null, "deepseek-chat"), new Target("custom", "http://127.0.0.1:1/v1", "tiny")),
                axes, rows, 1, 4, List.of(), null);
    }

    @Test
    void eachCellHasItsModelItsSweptValuesAndItsRowFilledIn() {
        Prompt prompt = new Prompt("You answer in {{lang}}.", List.of(ChatMessage.user("Earlier about {{city}}"),
                ChatMessage.assistant("Yes.")), "What is {{ city }} known for?");
        Experiment experiment = experiment(prompt,
                List.of(ParamAxes.parse("temperature=0,omit"), ParamAxes.parse("seed=7")),
                List.of(new InputRow(Map.of("city", "Lyon", "lang", "French"))));
        List<Cell> cells = Cells.of(experiment);
        assertThat(cells).hasSize(4);

        ChatRequest first = CellRequests.request(experiment, cells.get(0));
        assertThat(first.model()).isEqualTo("deepseek-chat");
        assertThat(first.temperature()).isEqualTo(0.0);
        assertThat(first.extended().seed()).isEqualTo(7L);
        assertThat(first.maxTokens()).isEqualTo(100);
        assertThat(first.messages()).extracting(ChatMessage::content)
                .containsExactly("You answer in French.", "Earlier about Lyon", "Yes.", "What is Lyon known for?");

        ChatRequest omitted = CellRequests.request(experiment, cells.get(1));
        assertThat(omitted.temperature()).isNull();

        assertThat(CellRequests.settings(experiment, cells.get(2)).baseUrl()).isEqualTo("http://127.0.0.1:1/v1");
        assertThat(CellRequests.request(experiment, cells.get(2)).model()).isEqualTo("tiny");
    }

    @Test
    void withoutASystemInThePromptTheBasesStays() {
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(ParamAxes.parse("logprobs=true"),
                ParamAxes.parse("top_logprobs=3")), List.of());
        ChatRequest request = CellRequests.request(experiment, Cells.of(experiment).getFirst());
        assertThat(request.messages()).extracting(ChatMessage::content).containsExactly("base system", "Hi");
        assertThat(request.extended().logprobs()).isTrue();
        assertThat(request.extended().topLogprobs()).isEqualTo(3);
    }

    @Test
    void variablesAreFoundAndMissingColumnsAreErrorsUnusedOnesWarnings() {
        Prompt prompt = Prompt.of("{{a}}", "{{b}} and {{a}} and {{ c }}");
        assertThat(Variables.used(prompt)).containsExactly("a", "b", "c");
        assertThat(Variables.fill("x {{a}} {{zz}}", Map.of("a", "$1\\"))).isEqualTo("x $1\\ {{zz}}");
        assertThat(Variables.missing(prompt, List.of("a", "b", "d")))
                .containsExactly("{{c}} has no column in the inputs: add a column named c, or take {{c}} out of the prompt");
        assertThat(Variables.unused(prompt, List.of("a", "b", "d")))
                .containsExactly("the column d is not used: no {{d}} in the prompt");
    }
}
