package parley.cli;

import java.util.function.Consumer;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.chat.BackendFactory;
import parley.chat.ChatSettings;

/**
 * Gives the backends of another factory and keeps the last {@link ChatResult} they returned: every
 * choice with its tool calls and log-probabilities, for the {@code --json} report.
 */
final class ResultTap implements BackendFactory {
    private final BackendFactory backends;
    private volatile ChatResult last;

    ResultTap(BackendFactory backends) {
        this.backends = backends;
    }

    /** The result of the last call that ended, or null when none has. */
    ChatResult last() {
        return last;
    }

    @Override
    public ChatBackend backendFor(ChatSettings settings) {
        ChatBackend backend = backends.backendFor(settings);
        return new ChatBackend() {
            @Override
            public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
                return new TappedCall(backend.start(request, events));
            }

            @Override
            public void close() {
                backend.close();
            }
        };
    }

    private final class TappedCall implements ChatCall {
        private final ChatCall call;

        TappedCall(ChatCall call) {
            this.call = call;
        }

        @Override
        public ChatResult await() throws InterruptedException {
            ChatResult result = call.await();
            last = result;
            return result;
        }

        @Override
        public boolean isDone() {
            return call.isDone();
        }

        @Override
        public void close() {
            call.close();
        }

        @Override
        public void timeUp() {
            call.timeUp();
        }
    }
}
