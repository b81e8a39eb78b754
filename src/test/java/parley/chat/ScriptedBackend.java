package parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.api.Usage;

/**
 * A backend for service tests: each request plays the next script on its own thread. A script
 * may hold until the call is closed (Stop), then report it as stopped.
 */
final class ScriptedBackend implements ChatBackend {
    record Script(List<StreamEvent> events, boolean holdUntilClosed, boolean truncated) {}

    private final List<Script> scripts = new ArrayList<>();
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch holding = new CountDownLatch(1);

    ScriptedBackend reply(StreamEvent... events) {
        scripts.add(new Script(List.of(events), false, false));
        return this;
    }

    ScriptedBackend replyThenHold(StreamEvent... events) {
        scripts.add(new Script(List.of(events), true, false));
        return this;
    }

    ScriptedBackend replyThenCut(StreamEvent... events) {
        scripts.add(new Script(List.of(events), false, true));
        return this;
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        requests.add(request);
        Script script = scripts.get(requests.size() - 1);
        Call call = new Call();
        Thread.ofVirtual().start(() -> call.play(script, events));
        return call;
    }

    final class Call implements ChatCall {
        private final CountDownLatch closed = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ChatResult result;

        void play(Script script, Consumer<StreamEvent> events) {
            StringBuilder content = new StringBuilder();
            StringBuilder reasoning = new StringBuilder();
            String finish = null;
            Usage usage = null;
            ApiError error = null;
            for (StreamEvent e : script.events()) {
                events.accept(e);
                switch (e) {
                    case StreamEvent.Delta d -> content.append(d.text());
                    case StreamEvent.Reasoning r -> reasoning.append(r.text());
                    case StreamEvent.Finish f -> finish = f.reason();
                    case StreamEvent.Usage u -> usage = u.usage();
                    case StreamEvent.Error err -> error = err.error();
                    default -> { }
                }
            }
            boolean stopped = false;
            if (script.holdUntilClosed()) {
                holding.countDown();
                try {
                    closed.await();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                stopped = true;
            }
            result = new ChatResult(content.toString(), reasoning.toString(), finish, usage,
                    script.truncated(), stopped, error, 0, 0);
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
        public void close() {
            closed.countDown();
        }
    }
}
