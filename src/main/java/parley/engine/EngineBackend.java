package parley.engine;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatClient;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.StreamEvent;

/**
 * The built-in engine as a {@link ChatBackend}: each request first makes sure the engine runs (which
 * can take as long as the model loads), then goes to it through the ordinary {@link ChatClient}.
 * A failed start is reported as an error event, with the engine's last words.
 */
public final class EngineBackend implements ChatBackend {
    private final EngineHost host;
    private ChatClient client;
    private EngineProcess clientFor;

    public EngineBackend(EngineHost host) {
        this.host = host;
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        Call call = new Call();
        Thread.ofVirtual().name("parley-engine-call").start(() -> call.run(request, events));
        return call;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private synchronized ChatClient clientFor(EngineProcess engine) {
        if (client == null || clientFor != engine) {
            if (client != null) {
                client.close();
            }
            // no retries: a request the engine refused or lost would only be sent to the same process again
            client = new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null).withRetries(0, null));
            clientFor = engine;
        }
        return client;
    }

    private final class Call implements ChatCall {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ChatResult result;
        private volatile ChatCall inner;
        private volatile boolean closed;

        void run(ChatRequest request, Consumer<StreamEvent> events) {
            long start = System.nanoTime();
            try {
                EngineProcess engine = host.running();
                if (!closed) {
                    inner = clientFor(engine).start(request.withModel(engine.facts().alias()), events);
                    if (closed) {
                        inner.close();
                    }
                    result = inner.await();
                    return;
                }
                result = new ChatResult("", "", null, parley.api.Usage.NONE, false, true, null, -1, elapsed(start));
            } catch (EngineException e) {
                ApiError error = new ApiError(ApiError.Kind.NETWORK, 0, "engine_failed", e.getMessage());
                events.accept(new StreamEvent.Error(error));
                result = new ChatResult("", "", null, parley.api.Usage.NONE, false, false, error, -1, elapsed(start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new ChatResult("", "", null, parley.api.Usage.NONE, false, true, null, -1, elapsed(start));
            } finally {
                done.countDown();
            }
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
            closed = true;
            ChatCall running = inner;
            if (running != null) {
                running.close();
            }
        }

        private static long elapsed(long start) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
