package parley.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.Tool;
import parley.chat.ChatSettings;

/** The built-in capability table and the requests it shapes. */
class CapabilitiesTest {
    private static final List<String> SAMPLING = List.of("temperature", "top_p", "frequency_penalty", "presence_penalty");

    @Test
    void theDefaultModelIgnoresSamplingAndRefusesToolsAndLogprobsEachWithItsReason() {
        ModelCapabilities speciale = Capabilities.of(ChatSettings.DEFAULT_PROVIDER, ChatSettings.DEFAULT_MODEL);

        for (String knob : SAMPLING) {
            assertThat(speciale.status(knob)).as(knob).isInstanceOf(Support.Ignored.class);
            assertThat(speciale.status(knob).reason()).contains("thinking mode ignores");
        }
        for (String tools : List.of("tools", "tool_choice", "parallel_tool_calls")) {
            assertThat(speciale.status(tools)).as(tools).isInstanceOf(Support.Refused.class);
            assertThat(speciale.status(tools).reason()).contains("thinking-only and takes no tools");
        }
        assertThat(speciale.status("logprobs").refused()).isTrue();
        assertThat(speciale.status("response_format.json_schema").reason()).contains("json_object only");
        assertThat(speciale.status("response_format.json_object").accepted()).isTrue();
        assertThat(speciale.status("max_tokens").accepted()).isTrue();
        assertThat(speciale.status("stream").accepted()).isTrue();
        assertThat(speciale.status("seed").accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"custom", "openrouter", "litellm", "atlascloud", "openai"})
    void anUnknownModelHasEverythingEnabled(String provider) {
        ModelCapabilities unknown = Capabilities.of(provider, "acme/brand-new-model");

        assertThat(Parameters.ALL).allSatisfy(p -> assertThat(unknown.status(p).accepted()).as(p).isTrue());
        assertThat(unknown.status("not_a_parameter").accepted()).isTrue();
    }

    @Test
    void deepSeekV32TakesToolsWithAndWithoutThinkingAndThinkingIgnoresSampling() {
        ModelCapabilities chat = Capabilities.of("deepseek", "deepseek-chat");
        ModelCapabilities reasoner = Capabilities.of("deepseek", "deepseek-reasoner");
        ModelCapabilities atlasV32 = Capabilities.of("atlascloud", "deepseek-ai/deepseek-v3.2");

        assertThat(List.of(chat, reasoner, atlasV32)).allSatisfy(c -> assertThat(c.status("tools").accepted()).isTrue());
        assertThat(chat.status("temperature").accepted()).isTrue();
        assertThat(chat.status("logprobs").accepted()).isTrue();
        assertThat(reasoner.status("temperature").ignored()).isTrue();
        assertThat(reasoner.status("logprobs").refused()).isTrue();
        assertThat(chat.status("response_format.json_schema").refused()).isTrue();
        assertThat(Capabilities.of("vllm", "deepseek-ai/DeepSeek-V3.2").status("response_format.json_schema").accepted())
                .as("vLLM holds any model to a schema").isTrue();
        assertThat(Capabilities.of("custom", "DeepSeek-V3.1-Thinking").status("top_p").ignored())
                .as("any DeepSeek thinking model").isTrue();
        assertThat(Capabilities.of("openrouter", "deepseek/deepseek-v3.2-speciale").status("tools").refused())
                .as("Speciale takes no tools at any provider").isTrue();
    }

    @Test
    void deepSeeksThinkingSwitchInTheExtraFieldsTurnsV32IntoAThinkingModel() throws Exception {
        var extra = java.util.Map.<String, Object>of("thinking", java.util.Map.of("type", "enabled"));
        assertThat(Thinking.on(extra)).isTrue();
        assertThat(Thinking.on(java.util.Map.of("thinking", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"type\":\"enabled\"}")))).isTrue();
        assertThat(Thinking.on(java.util.Map.of("thinking", java.util.Map.of("type", "disabled")))).isFalse();
        assertThat(Thinking.on(java.util.Map.of())).isFalse();

        ModelCapabilities thinking = Capabilities.of("deepseek", "deepseek-chat", true);
        assertThat(thinking.status("temperature").ignored()).isTrue();
        assertThat(thinking.status("logprobs").refused()).isTrue();
        assertThat(thinking.status("tools").accepted()).isTrue();
        assertThat(Capabilities.of("deepseek", "deepseek-chat", false).status("temperature").accepted()).isTrue();
        assertThat(Capabilities.of("openai", "gpt-4o", true).status("temperature").accepted()).isTrue();

        ChatRequest request = new ChatRequest("deepseek-chat", List.of(ChatMessage.user("hi")), 1024, 0.7, null,
                null, null, null, ExtendedParameters.NONE.withLogprobs(true, 2), true, null, extra);
        CapabilityService service = new CapabilityService(Capabilities.BUILT_IN, null, java.time.Clock.systemUTC());
        assertThat(service.leaveOutRefused("deepseek", null, request).extended().logprobs()).isNull();
        assertThat(service.leaveOutRefused("deepseek", null, request.withExtended(request.extended()))
                .temperature()).isEqualTo(0.7);
    }

    @Test
    void openAisReasoningModelsRefuseTheSamplingKnobs() {
        for (String model : List.of("o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini")) {
            ModelCapabilities reasoning = Capabilities.of("openai", model);
            assertThat(SAMPLING).allSatisfy(k -> assertThat(reasoning.status(k).refused()).as(model + " " + k).isTrue());
            assertThat(reasoning.status("max_tokens").reason()).contains("max_completion_tokens");
            assertThat(reasoning.status("reasoning_effort").accepted()).isTrue();
        }
        assertThat(Capabilities.of("openai", "gpt-5-chat-latest").status("temperature").accepted()).isTrue();
        assertThat(Capabilities.of("openai", "gpt-4o-mini").status("temperature").accepted()).isTrue();
        assertThat(Capabilities.of("openai", "gpt-4o-mini").status("reasoning_effort").refused()).isTrue();
    }

    @Test
    void theBuiltInEngineAndTheLocalServersHaveRows() {
        ModelCapabilities engine = Capabilities.of("local-gguf", "qwen3-0.6b");
        assertThat(engine.status("tools").reason()).isEqualTo("the built-in engine does not call tools");
        assertThat(engine.status("logprobs").refused()).isTrue();
        assertThat(engine.status("top_logprobs").refused()).isTrue();
        assertThat(engine.status("n").refused()).isTrue();
        assertThat(engine.status("response_format.json_schema").ignored()).as("follows response_format").isTrue();
        assertThat(engine.status("seed").accepted()).isTrue();
        assertThat(engine.status("temperature").accepted()).isTrue();

        assertThat(Capabilities.of("llama-server", "tiny-llama").status("n").refused()).isTrue();
        assertThat(Capabilities.of("llama-server", "tiny-llama").status("response_format.json_schema").accepted()).isTrue();
        assertThat(Capabilities.of("ollama", "qwen3:4b").status("tool_choice").ignored()).isTrue();
        assertThat(Capabilities.of("lmstudio", "qwen3").status("response_format.json_object").refused()).isTrue();
        assertThat(Capabilities.of("lmstudio", "qwen3").status("response_format.json_schema").accepted()).isTrue();
        assertThat(Capabilities.of("vllm", "any").status("n").accepted()).isTrue();
    }

    @Test
    void theLaterRowWinsAndBadRowsAreRefusedWithTheirLine() {
        CapabilityTable table = CapabilityTable.parse("""
                # comment
                *\tacme-*\tsampling\tignored\tacme ignores sampling
                x\tacme-2\ttemperature\taccepted
                """);
        assertThat(table.lookup("x", "ACME-2").status("temperature").accepted()).isTrue();
        assertThat(table.lookup("x", "acme-2").status("top_p").ignored()).isTrue();
        assertThat(table.lookup("y", "acme-2").status("temperature").ignored()).isTrue();
        assertThat(table.lookup("y", "other").known()).isEmpty();

        assertThatThrownBy(() -> CapabilityTable.parse("*\t*\ttemperatur\trefused\twhy"))
                .hasMessageContaining("line 1").hasMessageContaining("unknown parameter 'temperatur'");
        assertThatThrownBy(() -> CapabilityTable.parse("\n*\t*\ttemperature\trefused\t"))
                .hasMessageContaining("line 2").hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> CapabilityTable.parse("*\t*\ttemperature\tmaybe\twhy"))
                .hasMessageContaining("unknown status 'maybe'");
        assertThat(Capabilities.BUILT_IN.size()).isGreaterThan(20);
    }

    @Test
    void refusedParametersAreLeftOutOfTheRequestWithThoseThatNeedThem() {
        Tool tool = new Tool("function", new Tool.Function("get_time", "The time", null, null));
        ChatRequest request = new ChatRequest(ChatSettings.DEFAULT_MODEL, List.of(ChatMessage.user("hi")), 1024, 0.7,
                0.9, null, null, List.of("END"), ExtendedParameters.NONE.withSeed(7L).withLogprobs(true, 5)
                .withTools(List.of(tool), null, true).withResponseFormat(ResponseFormat.JSON_OBJECT), true,
                ChatRequest.StreamOptions.INCLUDE_USAGE, null);

        ChatRequest shaped = RequestWithout.withoutRefused(request,
                Capabilities.of(ChatSettings.DEFAULT_PROVIDER, ChatSettings.DEFAULT_MODEL));

        assertThat(shaped.extended().tools()).isNull();
        assertThat(shaped.extended().parallelToolCalls()).isNull();
        assertThat(shaped.extended().logprobs()).isNull();
        assertThat(shaped.extended().topLogprobs()).isNull();
        assertThat(shaped.temperature()).as("ignored, not refused: sent as set").isEqualTo(0.7);
        assertThat(shaped.extended().seed()).isEqualTo(7L);
        assertThat(shaped.extended().responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
        assertThat(shaped.stop()).containsExactly("END");
        assertThat(shaped.streamOptions()).isEqualTo(ChatRequest.StreamOptions.INCLUDE_USAGE);

        ChatRequest noSchema = RequestWithout.without(request, Parameters.JSON_SCHEMA);
        assertThat(noSchema.extended().responseFormat()).as("a json_object format stays").isEqualTo(ResponseFormat.JSON_OBJECT);
        assertThat(RequestWithout.without(request, Parameters.JSON_OBJECT).extended().responseFormat()).isNull();
        assertThat(RequestWithout.without(request, "stream").streamOptions()).isNull();
        assertThat(RequestWithout.without(request, "top_p").topP()).isNull();
        assertThat(RequestWithout.without(request, "top_p").temperature()).isEqualTo(0.7);
        assertThat(RequestWithout.without(request, "messages")).isEqualTo(request);
    }
}
