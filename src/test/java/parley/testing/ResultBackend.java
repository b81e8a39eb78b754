package parley.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.StreamEvent;
import parley.api.TokenLogprob;
import parley.api.ToolCall;
import parley.api.Usage;

/**
 * A backend for tests of what is built on chat results: each request is answered with the next
 * {@link ChatResult} given (its text, reasoning, finish and usage reported as events first, on a thread of
 * its own); once they are used up, requests go to {@code after} (e.g. a real client to the scripted server).
 */
public final class ResultBackend implements ChatBackend {
    private final Queue<ChatResult> results = new ConcurrentLinkedQueue<>();
    private final ChatBackend after;
    public final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    public ResultBackend() {
        this(null);
    }

    public ResultBackend(ChatBackend after) {
        this.after = after;
    }

    public ResultBackend answer(ChatResult result) {
        results.add(result);
        return this;
    }

    /** A reply that asks for these calls, after this reasoning (null: none). */
    public static ChatResult toolCalls(String reasoning, ToolCall... calls) {
        return choices(new Choice(0, "", reasoning, "tool_calls", List.of(calls), List.of()));
    }

    /** A reply with these choices; the first is the result's content. */
    public static ChatResult choices(Choice... choices) {
        Choice first = choices[0];
        return new ChatResult(first.content(), first.reasoning(), first.finishReason(), new Usage(10, 5, 15, null, null),
                false, false, null, 5, 10, Arrays.asList(choices));
    }

    /** A plain reply with these tokens' log-probabilities. */
    public static ChatResult text(String content, List<TokenLogprob> logprobs) {
        return choices(new Choice(0, content, null, "stop", List.of(), logprobs));
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        requests.add(request);
        ChatResult result = results.poll();
        if (result == null) {
            if (after == null) {
                throw new IllegalStateException("no answer is left for request " + requests.size());
            }
            return after.start(request, events);
        }
        Answered call = new Answered(result);
        Thread.ofVirtual().start(() -> call.play(events));
        return call;
    }

    @Override
    public void close() {
        if (after != null) {
            after.close();
        }
    }

    private static final class Answered implements ChatCall {
        private final ChatResult result;
        private final CountDownLatch done = new CountDownLatch(1);

        Answered(ChatResult result) {
            this.result = result;
        }

        void play(Consumer<StreamEvent> events) {
            if (result.reasoning() != null && !result.reasoning().isEmpty()) {
                events.accept(new StreamEvent.Reasoning(result.reasoning()));
            }
            if (result.content() != null && !result.content().isEmpty()) {
                events.accept(new StreamEvent.Delta(result.content()));
            }
            events.accept(new StreamEvent.Finish(result.finishReason()));
            events.accept(new StreamEvent.Usage(result.usage()));
            done.countDown();
        }

        @Override
        public ChatResult await() throws InterruptedException {
            done.await();
            return result;
        }

        @Override
        public boolean isDone() {
            return done.getCount() == 0;
        }

        @Override
        public void close() {}
    }
}
