package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ChatCall;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.api.Usage;

class ChatServiceTest {
    private final ScriptedBackend backend = new ScriptedBackend();
    private final ChatService service = new ChatService(settings -> backend, request -> {
        if (request.temperature() != null && request.temperature() > 2) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
    });
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final List<ExchangeRecord> records = new CopyOnWriteArrayList<>();

    ChatServiceTest() {
        service.addListener(events::add);
        service.addExchangeListener(records::add);
    }

    @Test
    void sendStreamsTheReplyIntoTheConversationAndReportsTheEnd() throws Exception {
        Usage usage = new Usage(10, 4, 14, 2, 3);
        backend.reply(new StreamEvent.Reasoning("think"), new StreamEvent.Delta("Hel"), new StreamEvent.Delta("lo"),
                new StreamEvent.Finish("stop"), new StreamEvent.Usage(usage));

        ChatEvent.Ended end = service.send("Hi").await();

        assertThat(end.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(end.message().content()).isEqualTo("Hello");
        assertThat(end.message().reasoning()).isEqualTo("think");
        assertThat(end.message().status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(end.metrics().ttftMillis()).isNotNull();
        assertThat(end.metrics().completionTokens()).isEqualTo(4);
        assertThat(end.metrics().tokensEstimated()).isFalse();
        assertThat(service.conversation().messages()).extracting(Message::role, Message::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("user", "Hi"),
                        org.assertj.core.groups.Tuple.tuple("assistant", "Hello"));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "Reasoning", "Text", "Text", "Finished", "UsageReported", "Ended");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.conversationId()).isEqualTo(service.conversation().id());
            assertThat(r.providerId()).isEqualTo("atlascloud");
            assertThat(r.model()).isEqualTo("deepseek-ai/deepseek-v3.2-speciale");
            assertThat(r.usage()).isEqualTo(usage);
            assertThat(r.finishReason()).isEqualTo("stop");
            assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        });
        assertThat(service.busy()).isFalse();
    }

    @Test
    void theSentRequestIsTheNextRequestBuiltFromTheSettings() throws Exception {
        service.setSettings(ChatSettings.defaults().withSystemPrompt("Be brief.").withTopP(0.9)
                .withStop(List.of("END")).withExtra(Map.of("seed", 7)).withStream(true, true));
        ChatRequest shown = service.nextRequest("Hi");
        backend.reply(new StreamEvent.Delta("ok"), new StreamEvent.Finish("stop"));

        service.send("Hi").await();

        ChatRequest sent = backend.requests.getFirst();
        assertThat(sent).isEqualTo(shown);
        assertThat(sent.messages()).containsExactly(ChatMessage.system("Be brief."), ChatMessage.user("Hi"));
        assertThat(sent.streamOptions()).isEqualTo(ChatRequest.StreamOptions.INCLUDE_USAGE);
        assertThat(sent.extraFields()).containsEntry("seed", 7);
        assertThat(((ChatEvent.Started) events.getFirst()).request()).isEqualTo(sent);
    }

    @Test
    void leftOutParametersStayOutAndUsageIsOnlyAskedWhenStreaming() {
        ChatSettings bare = new ChatSettings("atlascloud", null, "m", null, null, null, null, null, null,
                null, null, true, null);
        ChatRequest request = bare.toRequest(List.of(ChatMessage.user("x")));
        assertThat(request.maxTokens()).isNull();
        assertThat(request.temperature()).isNull();
        assertThat(request.stream()).isNull();
        assertThat(request.streamOptions()).isNull();
        assertThat(request.stop()).isNull();
    }

    @Test
    void stopKeepsWhatArrivedMarkedStopped() throws Exception {
        backend.replyThenHold(new StreamEvent.Delta("partial "), new StreamEvent.Delta("answer"));
        Reply reply = service.send("Tell me");
        backend.holding.await();

        service.stop();
        ChatEvent.Ended end = reply.await();

        assertThat(end.outcome()).isEqualTo(Outcome.STOPPED);
        assertThat(end.message().content()).isEqualTo("partial answer");
        assertThat(service.conversation().last().orElseThrow().status()).isEqualTo(MessageStatus.STOPPED);
        assertThat(records.getFirst().outcome()).isEqualTo(Outcome.STOPPED);
    }

    @Test
    void aFailureKeepsWhatArrivedAndCarriesTheError() throws Exception {
        ApiError error = new ApiError(ApiError.Kind.SERVER, 500, "server_error", "boom");
        backend.reply(new StreamEvent.Delta("so far"), new StreamEvent.Error(error));

        ChatEvent.Ended end = service.send("Hi").await();

        assertThat(end.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(end.message().content()).isEqualTo("so far");
        assertThat(end.message().error()).isEqualTo(error);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new ChatEvent.Failed(end.messageId(), error)));
        assertThat(records.getFirst().error()).isEqualTo(error);
    }

    @Test
    void aCutStreamIsTruncated() throws Exception {
        backend.replyThenCut(new StreamEvent.Delta("half a sen"));
        ChatEvent.Ended end = service.send("Hi").await();
        assertThat(end.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(end.message().status()).isEqualTo(MessageStatus.TRUNCATED);
        assertThat(end.message().content()).isEqualTo("half a sen");
        assertThat(end.metrics().tokensEstimated()).isTrue();
    }

    @Test
    void regenerateReplacesTheLastAnswer() throws Exception {
        backend.reply(new StreamEvent.Delta("first"), new StreamEvent.Finish("stop"))
                .reply(new StreamEvent.Delta("second"), new StreamEvent.Finish("stop"));
        service.send("Q").await();

        service.regenerate().await();

        assertThat(service.conversation().messages()).extracting(Message::content).containsExactly("Q", "second");
        assertThat(backend.requests.get(1).messages()).containsExactly(ChatMessage.user("Q"));
    }

    @Test
    void editResendsFromTheEditedMessage() throws Exception {
        backend.reply(new StreamEvent.Delta("A1"), new StreamEvent.Finish("stop"))
                .reply(new StreamEvent.Delta("A2"), new StreamEvent.Finish("stop"))
                .reply(new StreamEvent.Delta("A1b"), new StreamEvent.Finish("stop"));
        service.send("Q1").await();
        service.send("Q2").await();
        String firstQuestion = service.conversation().messages().getFirst().id();

        service.editAndResend(firstQuestion, "Q1 edited").await();

        assertThat(service.conversation().messages()).extracting(Message::content).containsExactly("Q1 edited", "A1b");
        assertThat(backend.requests.get(2).messages()).containsExactly(ChatMessage.user("Q1 edited"));
        assertThat(service.conversation().messages().getFirst().id()).isEqualTo(firstQuestion);
    }

    @Test
    void deleteRemovesAMessageAndLeavesItOutOfTheNextRequest() throws Exception {
        backend.reply(new StreamEvent.Delta("A1"), new StreamEvent.Finish("stop"));
        service.send("Q1").await();
        String answer = service.conversation().last().orElseThrow().id();

        assertThat(service.delete(answer)).isTrue();

        assertThat(service.nextRequest("Q2").messages()).containsExactly(ChatMessage.user("Q1"), ChatMessage.user("Q2"));
    }

    @Test
    void refusalsChangeNothingAndSendNothing() throws Exception {
        assertThatThrownBy(() -> service.send("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        service.setSettings(ChatSettings.defaults().withTemperature(3.0));
        assertThatThrownBy(() -> service.send("Hi")).hasMessageContaining("temperature");
        assertThat(service.conversation().messages()).isEmpty();
        assertThat(backend.requests).isEmpty();
        assertThatThrownBy(service::regenerate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneReplyAtATime() throws Exception {
        backend.replyThenHold(new StreamEvent.Delta("x"));
        Reply reply = service.send("one");
        backend.holding.await();
        assertThatThrownBy(() -> service.send("two")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still arriving");
        assertThatThrownBy(() -> service.delete(reply.messageId())).isInstanceOf(IllegalStateException.class);
        reply.stop();
        reply.await();
        assertThat(service.busy()).isFalse();
    }

    @Test
    void aBackendThatCannotStartEndsTheReplyAsFailed() throws Exception {
        ChatService broken = new ChatService(settings -> new parley.api.ChatBackend() {
            @Override
            public parley.api.ChatCall start(ChatRequest request, java.util.function.Consumer<StreamEvent> ev) {
                throw new IllegalStateException("connection refused");
            }
        }, request -> {});
        ChatEvent.Ended end = broken.send("Hi").await();
        assertThat(end.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(end.message().error().message()).contains("connection refused");
    }

    @Test
    void theRequestIsOnItsWayBeforeTheListenersHearOfIt() throws Exception {
        backend.reply(new StreamEvent.Delta("Hi"), new StreamEvent.Finish("stop"));
        List<Integer> requestsWhenStarted = new CopyOnWriteArrayList<>();
        service.addListener(e -> {
            if (e instanceof ChatEvent.Started) requestsWhenStarted.add(backend.requests.size());
        });

        service.send("Hello").await();

        assertThat(requestsWhenStarted).containsExactly(1);
    }

    @Test
    void eventsThatArriveBeforeTheListenersHeardOfTheStartWaitForIt() throws Exception {
        ChatService eager = new ChatService(settings -> (request, sink) -> {
            // a backend that answers before start returns: the listeners must still hear Started first
            sink.accept(new StreamEvent.Delta("At once"));
            sink.accept(new StreamEvent.Finish("stop"));
            return new Done(new ChatResult("At once", "", "stop", Usage.NONE, false, false, null, 0, 0));
        });
        List<ChatEvent> seen = new CopyOnWriteArrayList<>();
        eager.addListener(seen::add);

        ChatEvent.Ended end = eager.send("Hi").await();

        assertThat(end.message().content()).isEqualTo("At once");
        assertThat(seen).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "Text", "Finished", "Ended");
    }

    /** A call that had ended before it was returned. */
    private record Done(ChatResult result) implements ChatCall {
        @Override public ChatResult await() { return result; }
        @Override public boolean isDone() { return true; }
        @Override public void close() { }
    }
}
