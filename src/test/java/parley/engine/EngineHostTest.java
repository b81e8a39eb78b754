package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;

/**
 * One model at a time: a switch restarts the child, a child that ended starts again, a crash is told
 * with its last lines, a stopped request stops the engine at once.
 */
class EngineHostTest {
    @TempDir
    Path folder;

    private EngineHost host() {
        return new EngineHost(EngineCommand.current(folder), EngineSettings.DEFAULT, () -> Long.MAX_VALUE, Duration.ofSeconds(60));
    }

    private static ChatResult ask(EngineBackend backend) throws InterruptedException {
        return backend.start(new ChatRequest("any", List.of(ChatMessage.user("Hi")), 3, null, null, null, null, null,
                false, null, null), e -> { }).await();
    }

    @Test
    void switchingModelsEndsTheOldChildAndStartsANewOne() throws Exception {
        Path copy = Files.copy(TestModels.tiny(), folder.resolve("other-tiny.gguf"));
        List<EngineHost.Event> events = new CopyOnWriteArrayList<>();
        try (EngineHost host = host(); EngineBackend backend = new EngineBackend(host)) {
            host.addListener(events::add);
            host.select(TestModels.tiny());
            assertThat(ask(backend).ok()).isTrue();
            EngineProcess first = host.running();

            host.select(copy);
            ChatResult second = ask(backend);

            assertThat(second.ok()).as("%s", second.error()).isTrue();
            assertThat(first.onExit().get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(host.running().pid()).isNotEqualTo(first.pid());
            assertThat(host.running().facts().alias()).isEqualTo("other-tiny");
        }
        assertThat(events).filteredOn(e -> e instanceof EngineHost.Event.Ready).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof EngineHost.Event.Ended ended && !ended.expected()).isEmpty();
    }

    @Test
    void aDeadChildIsToldWithItsLastLinesAndStartsAgainOnTheNextRequest() throws Exception {
        CompletableFuture<EngineHost.Event.Ended> crashed = new CompletableFuture<>();
        try (EngineHost host = host(); EngineBackend backend = new EngineBackend(host)) {
            host.addListener(e -> {
                if (e instanceof EngineHost.Event.Ended ended && !ended.expected()) {
                    crashed.complete(ended);
                }
            });
            host.select(TestModels.tiny());
            EngineProcess first = host.running();
            ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroyForcibly);
            first.onExit().get(10, TimeUnit.SECONDS);

            ChatResult again = ask(backend);

            assertThat(again.ok()).isTrue();
            assertThat(host.running().pid()).isNotEqualTo(first.pid());
        }
        EngineHost.Event.Ended crash = crashed.get(10, TimeUnit.SECONDS);
        assertThat(crash.lastLines()).anyMatch(l -> l.startsWith("serving parley-test-tiny"));
    }

    @Test
    void stopEndsTheEnginesGenerationAndTheNextRequestDoesNotWaitForIt() throws Exception {
        try (EngineHost host = host(); EngineBackend backend = new EngineBackend(host)) {
            host.select(TestModels.tiny());
            assertThat(backend.start(new ChatRequest("any", List.of(ChatMessage.user("Talk")), 1900, 1.5, null, null, null,
                    null, true, ChatRequest.StreamOptions.INCLUDE_USAGE, null), e -> { }).await().ok()).isTrue();
            CountDownLatch firstDelta = new CountDownLatch(1);
            var call = backend.start(new ChatRequest("any", List.of(ChatMessage.user("Talk")), 1900, 1.5, null, null, null,
                    null, true, null, java.util.Map.of("seed", 3)), e -> {
                if (e instanceof StreamEvent.Delta) firstDelta.countDown();
            });
            assertThat(firstDelta.await(30, TimeUnit.SECONDS)).isTrue();

            call.close();
            ChatResult stopped = call.await();
            ChatResult next = ask(backend);

            assertThat(stopped.stopped()).isTrue();
            assertThat(next.ok()).isTrue();
            assertThat(host.running().lastLines()).filteredOn(l -> l.startsWith("request 2:")).singleElement()
                    .asString().contains("stopped by the client");
        }
    }
}
