package parley.ui.chat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.StreamEvent;

/**
 * A real client to the scripted server whose results carry the choices the test's answers hold
 * (tool calls, several choices, log-probabilities) when the decoder did not read them itself: it
 * reads the first choice's text only until it learns the rest. Answers the decoder read fully pass
 * through unchanged.
 */
public final class AnswerChoices implements ChatBackend {
    private final ChatBackend wire;
    private final Queue<List<Choice>> answers = new ConcurrentLinkedQueue<>();

    public AnswerChoices(ChatBackend wire) {
        this.wire = wire;
    }

    /** The choices of the next answer the scripted server gives (as its JSON holds them). */
    public void expect(List<Choice> choices) {
        answers.add(choices);
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        ChatCall call = wire.start(request, events);
        List<Choice> held = answers.poll();
        return new ChatCall() {
            @Override
            public ChatResult await() throws InterruptedException {
                ChatResult result = call.await();
                if (!result.choices().isEmpty() || held == null) return result;
                return new ChatResult(result.content(), result.reasoning(), result.finishReason(), result.usage(),
                        result.truncated(), result.stopped(), result.error(), result.ttftMillis(),
                        result.durationMillis(), held);
            }

            @Override
            public boolean isDone() { return call.isDone(); }

            @Override
            public void close() { call.close(); }

            @Override
            public void timeUp() { call.timeUp(); }
        };
    }
}
