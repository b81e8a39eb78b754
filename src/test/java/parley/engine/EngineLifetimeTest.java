package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import parley.api.ChatCall;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.StreamEvent;

/** The engine child ends with its parent, by itself when idle, and its death mid-stream keeps the partial reply. */
class EngineLifetimeTest {
    private static EngineCommand command() {
        return EngineCommand.current(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void aParentKilledWithSigkillTakesTheChildAlong() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EngineParent.class.getName(), TestModels.tiny().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("child ");
            child = ProcessHandle.of(Long.parseLong(line.substring(6)));
            assertThat(child).isPresent();
            assertThat(child.get().isAlive()).isTrue();

            parent.destroyForcibly(); // SIGKILL: the parent runs no clean-up of its own
            parent.waitFor(10, TimeUnit.SECONDS);

            assertThat(child.get().onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).get())
                    .as("the child ended after its parent was killed").isNotNull();
        } finally {
            parent.destroyForcibly();
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void anIdleChildEndsByItself() throws Exception {
        EngineSettings settings = new EngineSettings(0, 0, Duration.ofSeconds(1));
        try (EngineProcess engine = EngineProcess.start(command(), settings, ModelFacts.read(TestModels.tiny()), Duration.ofSeconds(60))) {
            Integer exit = engine.onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).get();

            assertThat(exit).isZero();
            assertThat(engine.lastLines()).anyMatch(l -> l.contains("stopping: idle for 1 s"));
        }
    }

    @Test
    void aChildKilledMidStreamIsAnErrorAndThePartialReplyIsKept() throws Exception {
        try (EngineProcess engine = EngineProcess.start(command(), EngineSettings.DEFAULT, ModelFacts.read(TestModels.tiny()), Duration.ofSeconds(60));
             ChatClient client = new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null).withRetries(0, null))) {
            CountDownLatch firstDelta = new CountDownLatch(1);
            ChatRequest request = new ChatRequest("parley-test-tiny", List.of(ChatMessage.user("Talk")), 1900, 1.5, null,
                    null, null, null, true, null, Map.of("seed", 9));
            ChatCall call = client.start(request, e -> {
                if (e instanceof StreamEvent.Delta) {
                    firstDelta.countDown();
                }
            });
            assertThat(firstDelta.await(20, TimeUnit.SECONDS)).isTrue();
            ProcessHandle.of(engine.pid()).ifPresent(ProcessHandle::destroyForcibly);
            ChatResult result = call.await();

            assertThat(result.ok()).isFalse();
            assertThat(result.truncated() || result.error() != null).isTrue();
            assertThat(result.content()).isNotEmpty();
            assertThat(engine.onExit().get(10, TimeUnit.SECONDS)).isNotZero();
        }
    }
}
