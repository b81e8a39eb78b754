package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.capability.Capabilities;
import parley.capability.ModelCapabilities;
import parley.capability.Support;

/** The parameters panel's view of what the chosen model accepts. */
class ParamsCapabilitiesTest {
    private final ParamsViewModel params = new ParamsViewModel();

    @Test
    void theRefusedParametersOfThePanelAreNamedWithTheirReason() {
        params.showCapabilities(Capabilities.of("openai", "o3-mini"));

        assertThat(params.leftOutProperty().get().lines()).containsExactly(
                "max_tokens is left out of the request: OpenAI's reasoning models take max_completion_tokens instead"
                        + " (set it in the extra fields)",
                "temperature is left out of the request: OpenAI's reasoning models refuse this parameter (400 unsupported_parameter)",
                "top_p is left out of the request: OpenAI's reasoning models refuse this parameter (400 unsupported_parameter)",
                "frequency_penalty is left out of the request: OpenAI's reasoning models refuse this parameter"
                        + " (400 unsupported_parameter)",
                "presence_penalty is left out of the request: OpenAI's reasoning models refuse this parameter"
                        + " (400 unsupported_parameter)",
                "logprobs is left out of the request: OpenAI's reasoning models refuse this parameter (400 unsupported_parameter)",
                "top_logprobs is left out of the request: OpenAI's reasoning models refuse this parameter"
                        + " (400 unsupported_parameter)");
        assertThat(params.capabilitiesProperty().get().status("temperature").refused()).isTrue();
    }

    @Test
    void ignoredOrOtherPanelsParametersAreNotNamedAndAnUnknownModelClearsTheNote() {
        params.showCapabilities(Capabilities.of("atlascloud", "deepseek-ai/deepseek-v3.2-speciale"));
        assertThat(params.leftOutProperty().get().lines()).as("sampling is ignored, tools are another panel's")
                .containsExactly("logprobs is left out of the request: DeepSeek in thinking mode refuses log-probabilities",
                        "top_logprobs is left out of the request: DeepSeek in thinking mode refuses log-probabilities");

        params.showCapabilities(ModelCapabilities.unknown("custom", "x").with("stop", new Support.Refused("no stops")));
        assertThat(params.leftOutProperty().get()).isEqualTo("stop is left out of the request: no stops");

        params.showCapabilities(ModelCapabilities.unknown("custom", "x"));
        assertThat(params.leftOutProperty().get()).isEmpty();
    }
}
