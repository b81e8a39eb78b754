package parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.network.TrustedCertificates;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.testing.TestCa;

class DeferredTlsTest {
    private static final TestCa CA = TestCa.create();

    @Test
    void aPlainServerIsAskedWithoutMakingTheContext() throws Exception {
        DeferredTls tls = DeferredTls.ofDefault();
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> Reply.json(200, "{\"data\":[]}"));
             HttpClient client = new Transport(null, null, tls).builder().build()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        assertThat(tls.made()).isFalse();
    }

    @Test
    void aTlsServerIsAskedThroughTheContextMadeAtTheFirstConnection() throws Exception {
        DeferredTls tls = DeferredTls.of(() -> TrustedCertificates.withExtra(List.of(CA.caCertificate())));
        try (ScriptedServer server = ScriptedServer.startTls(CA.serverContext()).fallback(r -> Reply.json(200, "{\"data\":[]}"));
             HttpClient client = new Transport(HttpClient.Builder.NO_PROXY, null, tls).builder().build()) {
            assertThat(tls.made()).isFalse();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(tls.made()).isTrue();
        }
    }

    @Test
    void theDefaultContextStillRefusesAnUnknownAuthority() throws Exception {
        try (ScriptedServer server = ScriptedServer.startTls(CA.serverContext()).fallback(r -> Reply.json(200, "{}"));
             HttpClient client = Transport.DIRECT.builder().build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build();
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .hasStackTraceContaining("PKIX");
        }
    }
}
