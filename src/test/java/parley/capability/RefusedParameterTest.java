package parley.capability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.api.ApiError;
import parley.api.ErrorBodies;

/** Which parameter a 400 names, from what real servers send. */
class RefusedParameterTest {
    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("OpenAI's error.param", "{\"error\":{\"message\":\"Unsupported parameter: 'temperature' is not"
                        + " supported with this model.\",\"type\":\"invalid_request_error\",\"param\":\"temperature\","
                        + "\"code\":\"unsupported_parameter\"}}", "temperature"),
                Arguments.of("an unrecognized argument", "{\"error\":{\"message\":\"Unrecognized request argument supplied:"
                        + " seed\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}", "seed"),
                Arguments.of("not supported with this model, no param", "{\"error\":{\"message\":\"logprobs is not supported"
                        + " with this model\",\"type\":\"invalid_request_error\",\"param\":null}}", "logprobs"),
                Arguments.of("an unsupported value", "{\"error\":{\"message\":\"Unsupported value: 'top_p' does not support"
                        + " 0.9 with this model. Only the default (1) value is supported.\",\"type\":\"invalid_request_error\"}}",
                        "top_p"),
                Arguments.of("DeepSeek's wording", "{\"error\":{\"message\":\"deepseek-reasoner does not support the parameter"
                        + " `presence_penalty`\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"invalid_request_error\"}}", "presence_penalty"),
                Arguments.of("DeepSeek's JSON output", "{\"error\":{\"message\":\"deepseek-reasoner does not support Json"
                        + " Output.\",\"type\":\"invalid_request_error\",\"param\":null}}", "response_format"),
                Arguments.of("a param inside a parameter", "{\"error\":{\"message\":\"Invalid schema\",\"type\":"
                        + "\"invalid_request_error\",\"param\":\"tools[0].function.parameters\"}}", "tools"),
                Arguments.of("vLLM's extra inputs", "{\"object\":\"error\",\"message\":\"[{'type': 'extra_forbidden', 'msg':"
                        + " 'Extra inputs are not permitted'}] Extra inputs are not permitted: reasoning_effort\","
                        + "\"type\":\"BadRequestError\",\"code\":400}", "reasoning_effort"),
                Arguments.of("the built-in engine", "{\"error\":{\"message\":\"n: the built-in engine answers with one choice;"
                        + " leave n out or set it to 1 (was 3)\",\"type\":\"invalid_request_error\",\"param\":\"n\"}}", "n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aBadRequestNamesTheParameter(String what, String body, String parameter) {
        assertThat(RefusedParameter.in(ErrorBodies.fromResponse(400, body))).contains(parameter);
    }

    @Test
    void whatCannotBeLeftOutOrIsNoParameterIsNeverNamed() {
        assertThat(RefusedParameter.in(ErrorBodies.fromResponse(400,
                "{\"error\":{\"code\":400,\"message\":\"'messages' is required\",\"type\":\"invalid_request_error\"}}")))
                .as("llama-server's recorded answer").isEmpty();
        assertThat(RefusedParameter.in(ErrorBodies.fromResponse(400, "{\"error\":{\"code\":400,\"message\":\"request"
                + " (18021 tokens) exceeds the available context size (1024 tokens), try increasing it\","
                + "\"type\":\"exceed_context_size_error\"}}"))).isEmpty();
        assertThat(RefusedParameter.in(ErrorBodies.fromResponse(400, "{\"error\":{\"message\":\"bad\",\"param\":\"model\"}}")))
                .isEmpty();
        assertThat(RefusedParameter.in(ErrorBodies.fromResponse(401, "{\"error\":{\"message\":\"Unrecognized request"
                + " argument supplied: seed\",\"param\":\"seed\"}}"))).as("only a bad request").isEmpty();
        assertThat(RefusedParameter.in(new ApiError(ApiError.Kind.BAD_REQUEST, 400, null, null))).isEmpty();
        assertThat(RefusedParameter.in(null)).isEqualTo(Optional.empty());
    }
}
