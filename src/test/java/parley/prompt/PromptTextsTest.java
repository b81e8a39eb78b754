package parley.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling a version's variables, and reading its parameters from JSON and from NAME=V. */
class PromptTextsTest {
    private static final PromptVersion VERSION = new PromptVersion("p", 1, "You speak {{ language }}.",
            "Translate {{text}} into {{language}}.", null, Map.of(), null, Author.PERSONAL, Instant.EPOCH);

    @Test
    void fillsEveryVariableAndNamesTheMissingOnes() {
        assertThat(FilledPrompt.of(VERSION, Map.of("language", "Welsh", "text", "{{not a variable}}")))
                .isEqualTo(new FilledPrompt("You speak Welsh.", "Translate {{not a variable}} into Welsh."));
        assertThatThrownBy(() -> FilledPrompt.of(VERSION, Map.of()))
                .hasMessage("No value for {{language}}, {{text}}: give each a value.");
    }

    @Test
    void parametersFromSpecsTakeOneCheckedValueEach() {
        assertThat(PromptParams.fromSpecs(List.of("temperature=0.2", "max_tokens=512", "reasoning_effort=low")))
                .containsExactly(Map.entry("max_tokens", 512), Map.entry("reasoning_effort", "low"), Map.entry("temperature", 0.2));
        assertThatThrownBy(() -> PromptParams.fromSpecs(List.of("temperature=0:1:0.5"))).hasMessageContaining("one value per parameter");
        assertThatThrownBy(() -> PromptParams.fromSpecs(List.of("temperature=omit"))).hasMessageContaining("drop this --param");
        assertThatThrownBy(() -> PromptParams.fromSpecs(List.of("top_p=0.5", "top_p=0.6"))).hasMessageContaining("given twice");
        assertThatThrownBy(() -> PromptParams.fromSpecs(List.of("top_p=1.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersAreAJsonObjectWithSortedKeys() {
        assertThat(PromptParams.json(PromptParams.parse("{\"top_p\":0.9,\"max_tokens\":100}"))).isEqualTo("{\"max_tokens\":100,\"top_p\":0.9}");
        assertThatThrownBy(() -> PromptParams.parse("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> PromptParams.parse("{oops")).hasMessageContaining("not valid JSON");
    }
}
