package parley.ui.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.api.Usage;

/** A backend the test drives by hand: it emits events and ends each call when told. */
final class ManualBackend implements ChatBackend {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        requests.add(request);
        Call call = new Call(events);
        calls.add(call);
        return call;
    }

    Call last() {
        return calls.getLast();
    }

    static final class Call implements ChatCall {
        private final Consumer<StreamEvent> events;
        private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
        private final StringBuilder content = new StringBuilder();
        private volatile boolean closed;

        Call(Consumer<StreamEvent> events) {
            this.events = events;
        }

        Call text(String piece) {
            content.append(piece);
            events.accept(new StreamEvent.Delta(piece));
            return this;
        }

        Call reasoning(String piece) {
            events.accept(new StreamEvent.Reasoning(piece));
            return this;
        }

        Call usage(int in, int out) {
            events.accept(new StreamEvent.Usage(new Usage(in, out, in + out, null, null)));
            return this;
        }

        void finish(String reason) {
            events.accept(new StreamEvent.Finish(reason));
            result.complete(new ChatResult(content.toString(), "", reason, null, false, false, null, 5, 10));
        }

        void fail(ApiError error) {
            events.accept(new StreamEvent.Error(error));
            result.complete(new ChatResult(content.toString(), "", null, null, false, false, error, 5, 10));
        }

        void cut() {
            result.complete(new ChatResult(content.toString(), "", null, null, true, false, null, 5, 10));
        }

        boolean closed() {
            return closed;
        }

        @Override
        public ChatResult await() throws InterruptedException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public void close() {
            closed = true;
            result.complete(new ChatResult(content.toString(), "", null, null, false, true, null, 5, 10));
        }
    }
}
