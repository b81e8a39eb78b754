package parley.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Each request has a client of its own, shut down when the request ends or is stopped: the JDK's
 * client closes a socket it stopped reading only when its selector next wakes (up to three seconds
 * later), and all that time the engine, which serves one request at a time, would go on generating
 * for nobody while the next request waits. Shutting the client down wakes its selector at once. On
 * loopback a new client costs a millisecond or two.
 */
public final class EngineBackend implements ChatBackend {
    private final EngineHost host;
    private final Set<Call> running = ConcurrentHashMap.newKeySet();

    public EngineBackend(EngineHost host) {
        this.host = host;
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        Call call = new Call();
        running.add(call);
        Thread.ofVirtual().name("parley-engine-call").start(() -> call.run(request, events));
        return call;
    }

    /** Stops every running request. */
    @Override
    public void close() {
        running.forEach(Call::close);
    }

    private static ChatClient clientFor(EngineProcess engine) {
        // no retries: a request the engine refused or lost would only be sent to the same process again
        return new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null).withRetries(0, null));
    }

    private final class Call implements ChatCall {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ChatResult result;
        private volatile ChatClient client;
        private volatile boolean closed;

        void run(ChatRequest request, Consumer<StreamEvent> events) {
            long start = System.nanoTime();
            try {
                EngineProcess engine = host.running();
                if (!closed) {
                    client = clientFor(engine);
                    ChatCall inner = client.start(request.withModel(engine.facts().alias()), events);
                    if (closed) {
                        client.close();
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
                ChatClient used = client;
                if (used != null) {
                    used.close();
                }
                running.remove(this);
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
            ChatClient used = client;
            if (used != null) {
                used.close();
            }
        }

        private static long elapsed(long start) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
