package parley.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.RequestJson;
import parley.ui.UiThread;

class RequestViewModelTest {
    private final AtomicReference<ChatRequest> next = new AtomicReference<>(
            ChatRequest.of("m", List.of(ChatMessage.user("hi"))));
    private final RequestViewModel vm = new RequestViewModel(next::get, UiThread.DIRECT);

    @Test
    void showsTheNextRequestAsTheClientWritesIt() {
        vm.refresh();
        assertThat(vm.jsonProperty().get()).contains("\"temperature\" : 0.7").contains("\"max_tokens\" : 1024");
        assertThat(vm.stateProperty().get()).isEqualTo(RequestViewModel.State.VALID);
        next.set(next.get().withModel("other"));
        vm.refresh();
        assertThat(vm.jsonProperty().get()).contains("\"model\" : \"other\"");
        assertThat(vm.shownRequest()).isSameAs(next.get());
    }

    @Test
    void anInvalidRequestIsShownWithItsProblems() {
        next.set(next.get().withModel(""));
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(RequestViewModel.State.INVALID);
        assertThat(vm.problemsProperty().get()).startsWith("model: required");
    }

    @Test
    void aRequestThatCannotBeBuiltIsExplained() {
        RequestViewModel failing = new RequestViewModel(() -> { throw new IllegalArgumentException("Unknown provider 'x'"); }, UiThread.DIRECT);
        failing.refresh();
        assertThat(failing.problemsProperty().get()).isEqualTo("Unknown provider 'x'");
        assertThat(failing.stateProperty().get()).isEqualTo(RequestViewModel.State.INVALID);
    }

    @Test
    void theRawTapFeedsTheLastResponse() {
        String body = RequestJson.write(next.get());
        vm.tap().request("POST", URI.create("http://127.0.0.1:1/v1/chat/completions"), body);
        assertThat(vm.rawSummaryProperty().get()).endsWith("waiting for the answer…");
        vm.tap().response(200, Map.of("content-type", List.of("text/event-stream")));
        vm.tap().line("data: {\"x\":1}");
        vm.tap().line("");
        vm.tap().line("data: [DONE]");
        assertThat(vm.postedBodyProperty().get()).isEqualTo(body);
        assertThat(vm.rawText()).isEqualTo("content-type: text/event-stream\n\ndata: {\"x\":1}\n\ndata: [DONE]\n");
        assertThat(vm.rawChangeProperty().get()).isEqualTo(new RequestViewModel.RawChange(5, false, "data: [DONE]\n"));
        assertThat(vm.rawSummaryProperty().get()).startsWith("POST http://127.0.0.1:1/v1/chat/completions · HTTP 200 · headers after ");
    }

    @Test
    void aFloodOfLinesReachesTheUiThreadAsOneHandOverWhileOneIsPending() {
        List<Runnable> queued = new java.util.ArrayList<>();
        RawExchangeLog log = new RawExchangeLog(queued::add, s -> {});
        log.request("POST", URI.create("http://h/v1/chat/completions"), "{}");
        for (int i = 0; i < 1000; i++) log.line("data: " + i);
        assertThat(queued).hasSize(1);
        queued.getFirst().run();
        log.line("data: more");
        assertThat(queued).hasSize(2);
    }
}
