package parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import parley.testing.ScriptedServer.Reply;

class ScriptedServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(ScriptedServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer k").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsTheRequestAndReplaysAStreamInPieces() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.sse("{\"a\":1}", "{\"b\":\"é\"}"));
            HttpResponse<String> response = post(server, "{\"model\":\"m\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":\"é\"}\n\ndata: [DONE]\n\n");
            ScriptedServer.Recorded r = server.requests().getFirst();
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer k");
            assertThat(r.bodyText()).isEqualTo("{\"model\":\"m\"}");
        }
    }

    @Test
    void replaysARecordingWithItsStatus() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.recording("llama-server/bad_404_path.txt", 0));
            HttpResponse<String> response = post(server, "{}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).startsWith("{\"error\"").endsWith("}");
        }
    }

    @Test
    void aCutEndsTheBodyWithAnError() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.stream().events("{\"x\":1}").cut());
            assertThatThrownBy(() -> post(server, "{}")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theFallbackAnswersWhenNothingIsQueued() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.fallback(r -> Reply.json(200, "{\"path\":\"" + r.path() + "\"}"));
            assertThat(post(server, "{}").body()).isEqualTo("{\"path\":\"/v1/chat/completions\"}");
        }
    }
}
