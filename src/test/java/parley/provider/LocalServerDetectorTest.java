package parley.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.testing.ForwardingProxy;
import parley.testing.Recordings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

class LocalServerDetectorTest {
    @Test
    void reportsTheRunningServersWithTheirModelsAndSkipsTheRest() throws Exception {
        try (ScriptedServer llama = ScriptedServer.start(); ScriptedServer bare = ScriptedServer.start();
             ScriptedServer stalled = ScriptedServer.start()) {
            llama.enqueue(Reply.json(200, Recordings.load("llama-server/models.txt").text()));
            bare.enqueue(Reply.json(404, "{\"error\":{\"message\":\"File Not Found\"}}"));
            stalled.enqueue(Reply.stream().stall());
            ProviderProfile llamaProfile = local("llama-server", llama.baseUrl());
            ProviderProfile bareProfile = local("lmstudio", bare.baseUrl());
            ProviderProfile stalledProfile = local("vllm", stalled.baseUrl());
            ProviderProfile closed = local("ollama", "http://127.0.0.1:" + freePort() + "/v1");

            long start = System.nanoTime();
            List<LocalServer> found = new LocalServerDetector(Duration.ofMillis(800))
                    .detect(List.of(closed, llamaProfile, stalledProfile, bareProfile));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(found).extracting(s -> s.profile().id()).containsExactly("llama-server", "lmstudio");
            assertThat(found.getFirst().models()).extracting(ModelInfo::id).containsExactly("tiny-llama");
            assertThat(found.get(1).models()).isEmpty();
            assertThat(llama.requests().getFirst().path()).isEqualTo("/v1/models");
            assertThat(millis).as("the probes run in parallel under one deadline").isLessThan(5_000);
        }
    }

    @Test
    void probesGoStraightToThisMachineEvenWhenTheSystemNamesAProxy() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        try (ScriptedServer llama = ScriptedServer.start(); ForwardingProxy proxy = ForwardingProxy.open()) {
            llama.fallback(r -> Reply.json(200, Recordings.load("llama-server/models.txt").text()));
            ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));

            List<LocalServer> found = new LocalServerDetector(Duration.ofSeconds(5)).detect(List.of(local("llama-server", llama.baseUrl())));

            assertThat(found).extracting(s -> s.profile().id()).containsExactly("llama-server");
            assertThat(proxy.handled()).isEmpty();
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void refusesToProbeAnotherMachine() {
        ProviderProfile remote = new ProviderProfile("x", "x", "http://192.0.2.1:8080/v1", null, null, true);
        assertThatThrownBy(() -> new LocalServerDetector().detect(List.of(remote)))
                .hasMessageContaining("not on this machine");
    }

    private static ProviderProfile local(String id, String baseUrl) {
        return new ProviderProfile(id, id, baseUrl, null, null, true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
