package parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorBodiesTest {

    @ParameterizedTest
    @CsvSource({"401,AUTHENTICATION", "403,AUTHENTICATION", "402,PAYMENT", "404,NOT_FOUND", "429,RATE_LIMIT",
            "400,BAD_REQUEST", "413,BAD_REQUEST", "422,BAD_REQUEST", "500,SERVER", "502,SERVER", "503,SERVER",
            "504,SERVER"})
    void kindFromStatus(int status, ApiError.Kind kind) {
        assertThat(ErrorBodies.kindOf(status)).isEqualTo(kind);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                        new ApiError(ApiError.Kind.AUTHENTICATION, 401, "invalid_request_error", "Incorrect API key provided")),
                Arguments.of(401, "{\"code\":401,\"msg\":\"Invalid token\"}",
                        new ApiError(ApiError.Kind.AUTHENTICATION, 401, null, "Invalid token")),
                Arguments.of(402, "{\"code\":402,\"msg\":\"Your balance is used up\"}",
                        new ApiError(ApiError.Kind.PAYMENT, 402, null, "Your balance is used up")),
                Arguments.of(422, "{\"detail\":[{\"loc\":[\"body\",\"temperature\"],\"msg\":\"bad\"}]}",
                        new ApiError(ApiError.Kind.BAD_REQUEST, 422, null, "[{\"loc\":[\"body\",\"temperature\"],\"msg\":\"bad\"}]")),
                Arguments.of(404, "{\"detail\":\"Not Found\"}", new ApiError(ApiError.Kind.NOT_FOUND, 404, null, "Not Found")),
                Arguments.of(429, "{\"error\":\"too many requests\"}", new ApiError(ApiError.Kind.RATE_LIMIT, 429, null, "too many requests")),
                Arguments.of(502, "<html><head><title>502 Bad Gateway</title><style>h1{x:y}</style></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
                        new ApiError(ApiError.Kind.SERVER, 502, null, "HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx")),
                Arguments.of(503, "upstream connect error or disconnect/reset before headers",
                        new ApiError(ApiError.Kind.SERVER, 503, null, "HTTP 503: upstream connect error or disconnect/reset before headers")),
                Arguments.of(500, "", new ApiError(ApiError.Kind.SERVER, 500, null, "HTTP 500 with an empty body")),
                Arguments.of(400, "{not json", new ApiError(ApiError.Kind.BAD_REQUEST, 400, null, "HTTP 400: {not json")));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void readsTheProvidersOwnMessage(int status, String body, ApiError expected) {
        assertThat(ErrorBodies.fromResponse(status, body)).isEqualTo(expected);
    }

    @Test
    void excerptIsShort() {
        String excerpt = ErrorBodies.excerpt("<p>" + "word ".repeat(500) + "</p>");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(ErrorBodies.EXCERPT_LENGTH + 1).endsWith("…");
    }
}
