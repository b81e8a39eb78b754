package parley.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final ReportingExecutor executor = new ReportingExecutor(Executors.newVirtualThreadPerTaskExecutor());

    @AfterEach
    void reset() {
        Failures.setListener(null);
        executor.shutdownNow();
    }

    @Test
    void aFeatureIsNamedAfterTheClassThatStartedTheWork() {
        assertThat(Failures.featureName("parley.ui.usage.UsageViewModel$$Lambda/0x000001f0")).isEqualTo("Usage");
        assertThat(Failures.featureName("parley.ui.history.HistoryFeature$1")).isEqualTo("History");
        assertThat(Failures.featureName("parley.cli.SendCommand")).isEqualTo("Send");
        assertThat(Failures.featureName("parley.ui.code.CodePanel")).isEqualTo("Code");
        assertThat(Failures.featureName("parley.ui.chat.ChatView")).isEqualTo("Chat");
    }

    @Test
    void aTaskThatThrowsIsToldWithTheNameOfWhoHandedItIn() throws Exception {
        Failures.setListener((where, failure) -> told.add(where + ": " + failure.getMessage()));

        executor.execute(() -> { throw new IllegalStateException("no room on the disk"); });
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(told).containsExactly("FailuresTest: no room on the disk");
    }

    @Test
    void aSubmittedTaskKeepsItsFailureForTheFuturesHolder() throws Exception {
        Failures.setListener((where, failure) -> told.add(where));

        Future<?> future = executor.submit(() -> { throw new IllegalStateException("mine"); });

        assertThat(future).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("mine");
        assertThat(told).isEmpty();
    }

    @Test
    void aListenerThatFailsDoesNotHideTheFailure() {
        Failures.setListener((where, failure) -> { throw new IllegalStateException("notice broke"); });

        Failures.report("Chat", new RuntimeException("first"));
        // no exception escapes: reaching this line is the assertion
        assertThat(Failures.listener()).isNotNull();
    }
}
