package parley.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ExtendedParameters;
import parley.api.Tool;
import parley.api.ToolChoice;
import parley.ui.UiThread;

class ToolsViewModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ToolsViewModel tools = new ToolsViewModel(Runnable::run, UiThread.DIRECT);

    @Test
    void aNameThatIsMissingMalformedOrTakenIsRefusedWithWhatToChange() {
        assertThat(tools.add("get_weather")).isTrue();
        assertThat(tools.add("get_weather")).isFalse();
        assertThat(tools.messageProperty().get()).isEqualTo("There is already a function named \"get_weather\": pick another name.");
        assertThat(tools.add("  ")).isFalse();
        assertThat(tools.messageProperty().get()).startsWith("Give the function a name");
        assertThat(tools.add("get weather")).isFalse();
        assertThat(tools.messageProperty().get()).isEqualTo("\"get weather\" is not a function name: use letters, digits, _ or - only, up to 64 characters.");
        assertThat(tools.add("x".repeat(65))).isFalse();
        assertThat(tools.messageProperty().get()).endsWith("(it has 65).");
        assertThat(tools.tools()).extracting(ToolEntry::name).containsExactly("get_weather");
    }

    @Test
    void aRenameToATakenNameIsRefusedOnTheEntryAndTheNamedChoiceFollowsARename() {
        tools.add("a");
        tools.add("b");
        ToolEntry b = tools.tools().get(1);
        tools.choose(ToolChoiceOption.of(ToolChoice.named("b")));
        assertThat(tools.rename(b, "a")).isFalse();
        assertThat(b.name()).isEqualTo("b");
        assertThat(b.nameMessageProperty().get()).contains("already a function named \"a\"");
        assertThat(tools.rename(b, "c")).isTrue();
        assertThat(b.nameMessageProperty().get()).isEmpty();
        assertThat(tools.applyTo(ExtendedParameters.NONE).toolChoice()).isEqualTo(ToolChoice.named("c"));
        assertThat(tools.choices()).extracting(ToolChoiceOption::label).contains("Call a", "Call c").doesNotContain("Call b");
    }

    @Test
    void aFunctionWithABrokenSchemaStaysOutOfTheRequestAndSaysSo() throws Exception {
        tools.add("ok");
        tools.add("broken");
        tools.tools().get(0).parameters().setText("{\"type\": \"object\"}");
        tools.tools().get(1).parameters().setText("{\"type\": ");
        ExtendedParameters sent = tools.applyTo(ExtendedParameters.NONE);
        assertThat(sent.tools()).extracting(Tool::name).containsExactly("ok");
        assertThat(sent.tools().getFirst().function().parameters()).isEqualTo(JSON.readTree("{\"type\": \"object\"}"));
        assertThat(tools.leftOutProperty().get()).isEqualTo("\"broken\" is left out of the request until the schema is valid.");
    }

    @Test
    void withoutToolsNeitherToolChoiceNorParallelCallsAreSent() {
        tools.choose(ToolChoiceOption.of(ToolChoice.REQUIRED));
        tools.setParallel(false);
        ExtendedParameters sent = tools.applyTo(ExtendedParameters.NONE);
        assertThat(sent.toolChoice()).isNull();
        assertThat(sent.parallelToolCalls()).isNull();
        tools.add("f");
        sent = tools.applyTo(ExtendedParameters.NONE);
        assertThat(sent.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
        assertThat(sent.parallelToolCalls()).isFalse();
    }

    @Test
    void aCannedResultIsKeptByNameWhenOpenedSettingsBringTheSameFunction() {
        tools.add("lookup");
        tools.tools().getFirst().setCannedResult("{\"found\": true}");
        tools.show(ExtendedParameters.NONE.withTools(List.of(Tool.function("lookup", "Looks up", null)), null, null));
        assertThat(tools.cannedResult("lookup")).hasValue("{\"found\": true}");
        assertThat(tools.cannedResult("other")).isEmpty();
    }
}
