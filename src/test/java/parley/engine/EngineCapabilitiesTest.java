package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.capability.Capabilities;
import parley.capability.ModelCapabilities;
import parley.capability.Parameters;
import parley.capability.RequestWithout;
import parley.engine.RequestReader.Read;

/** The capability table's rows for the built-in engine say what its request reader really does. */
class EngineCapabilitiesTest {
    private static final ModelCapabilities ENGINE = Capabilities.of("local-gguf", "qwen3-0.6b");
    private static final Map<String, String> SAMPLES = Map.of(
            "tools", "[{\"type\":\"function\",\"function\":{\"name\":\"now\"}}]",
            "tool_choice", "\"required\"",
            "logprobs", "true",
            "top_logprobs", "3",
            "n", "2");
    private final RequestReader reader = new RequestReader(new ObjectMapper());

    @Test
    void everyParameterTheTableSaysTheEngineRefusesIsRefusedByIt() {
        for (String parameter : Parameters.ALL) {
            if (!ENGINE.status(parameter).refused()) continue;
            assertThat(SAMPLES).as("a sample value for " + parameter).containsKey(parameter);
            assertThatThrownBy(() -> reader.read(body(parameter, SAMPLES.get(parameter))))
                    .as(parameter).isInstanceOf(BadRequest.class)
                    .satisfies(e -> assertThat(((BadRequest) e).param()).isEqualTo(parameter));
        }
    }

    @Test
    void whatTheTableSaysItIgnoresOrAcceptsIsReadWithoutAnError() throws Exception {
        Map<String, String> taken = Map.of("seed", "7", "user", "\"alice\"", "reasoning_effort", "\"low\"",
                "response_format", "{\"type\":\"json_object\"}", "parallel_tool_calls", "false", "temperature", "0.3");
        for (Map.Entry<String, String> p : taken.entrySet()) {
            assertThat(ENGINE.status(p.getKey()).refused()).as(p.getKey()).isFalse();
            Read read = reader.read(body(p.getKey(), p.getValue()));
            assertThat(read.request().model()).isEqualTo("m");
        }
    }

    @Test
    void aRequestShapedByTheTableIsTakenByTheEngine() throws Exception {
        var request = parley.chat.ChatSettings.defaults().withProvider("local-gguf", null).withModel("m")
                .withExtended(parley.api.ExtendedParameters.NONE.withN(2).withLogprobs(true, 3).withSeed(5L))
                .toRequest(java.util.List.of(parley.api.ChatMessage.user("hi")));
        String shaped = parley.api.RequestJson.write(RequestWithout.withoutRefused(request, ENGINE));

        assertThat(reader.read(shaped).seed()).isEqualTo(5);
    }

    private static String body(String parameter, String value) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"" + parameter + "\":" + value + "}";
    }
}
