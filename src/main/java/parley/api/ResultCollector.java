package parley.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Passes events on and keeps what they add up to, so a {@link ChatResult} holds all that arrived:
 * the first choice's text, reasoning and finish reason, every choice by index (for {@code n > 1}),
 * each choice's tool calls joined from their pieces and its log-probabilities.
 */
final class ResultCollector implements Consumer<StreamEvent> {
    private final Consumer<StreamEvent> downstream;
    private final long startNanos;
    private final String secret;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final ChoiceParts first = new ChoiceParts();
    private final Map<Integer, LaterChoice> later = new TreeMap<>();
    private String finishReason;
    private parley.api.Usage usage;
    private long firstTokenNanos = -1;

    /** {@code secret}: the key of the request, masked wherever an error message repeats it (may be null). */
    ResultCollector(Consumer<StreamEvent> downstream, long startNanos, String secret) {
        this.downstream = downstream;
        this.startNanos = startNanos;
        this.secret = secret;
    }

    @Override
    public void accept(StreamEvent event) {
        if (event instanceof StreamEvent.Delta delta) {
            markFirstToken();
            content.append(delta.text());
        } else if (event instanceof StreamEvent.Reasoning thought) {
            markFirstToken();
            reasoning.append(thought.text());
        } else if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
        } else if (event instanceof StreamEvent.Finish finish) {
            finishReason = finish.reason();
        } else {
            collectChoicePart(event);
        }
        downstream.accept(event);
    }

    private void collectChoicePart(StreamEvent event) {
        switch (event) {
            case StreamEvent.ToolCallPiece piece -> {
                markFirstToken();
                partsOf(piece.choice()).calls.add(piece);
            }
            case StreamEvent.Logprobs tokens -> partsOf(tokens.choice()).logprobs.addAll(tokens.tokens());
            case StreamEvent.ChoiceDelta delta -> {
                markFirstToken();
                laterChoice(delta.choice()).add(delta);
            }
            default -> { }
        }
    }

    private ChoiceParts partsOf(int choice) {
        return choice == 0 ? first : laterChoice(choice).parts;
    }

    private LaterChoice laterChoice(int choice) {
        return later.computeIfAbsent(choice, i -> new LaterChoice());
    }

    boolean finished() {
        return finishReason != null;
    }

    /** The result of a request that ended; {@code error} is also reported as an event. */
    ChatResult result(boolean truncated, boolean stopped, ApiError failure) {
        ApiError error = failure == null ? null : failure.hiding(secret);
        if (error != null) {
            try {
                downstream.accept(new StreamEvent.Error(error));
            } catch (RuntimeException ignored) {
                // a failing consumer must not keep the result from being delivered
            }
        }
        long now = System.nanoTime();
        long ttft = firstTokenNanos < 0 ? -1 : (firstTokenNanos - startNanos) / 1_000_000;
        return new ChatResult(content.toString(), reasoning.toString(), finishReason, usage,
                truncated, stopped, error, ttft, (now - startNanos) / 1_000_000, choices());
    }

    /** Every choice by index; the first is always there, the others as they came. */
    private List<Choice> choices() {
        List<Choice> choices = new ArrayList<>(1 + later.size());
        choices.add(first.choice(0, content.toString(), reasoning.toString(), finishReason));
        later.forEach((index, choice) -> choices.add(choice.choice(index)));
        return choices;
    }

    private void markFirstToken() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    /** The tool calls and log-probabilities of one choice. */
    private static final class ChoiceParts {
        final ToolCallAssembler calls = new ToolCallAssembler();
        final List<TokenLogprob> logprobs = new ArrayList<>();

        Choice choice(int index, String text, String thought, String finish) {
            return new Choice(index, text, thought, finish, calls.calls(), logprobs);
        }
    }

    /** A choice after the first: its text and reasoning besides its parts. */
    private static final class LaterChoice {
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final ChoiceParts parts = new ChoiceParts();
        String finishReason;

        void add(StreamEvent.ChoiceDelta delta) {
            if (delta.text() != null) {
                content.append(delta.text());
            }
            if (delta.reasoning() != null) {
                reasoning.append(delta.reasoning());
            }
            if (delta.finishReason() != null) {
                finishReason = delta.finishReason();
            }
        }

        Choice choice(int index) {
            return parts.choice(index, content.toString(), reasoning.toString(), finishReason);
        }
    }
}
