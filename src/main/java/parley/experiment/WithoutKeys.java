package parley.experiment;

import java.util.Collection;
import java.util.List;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.store.KeyMask;

/**
 * An experiment and its results with the user's keys masked before they are stored, as the history
 * does with messages: a key pasted into the prompt or echoed in a reply is masked ({@code sk-l…6071});
 * an error message has anything key-shaped masked too (a provider may echo the key it refused).
 */
final class WithoutKeys {
    private WithoutKeys() {}

    static Experiment experiment(Experiment e, Collection<String> keys) {
        if (keys.isEmpty()) {
            return e;
        }
        List<ChatMessage> history = e.prompt().history().stream()
                .map(m -> m.content() == null ? m : m.withContent(KeyMask.redactKnown(m.content(), keys))).toList();
        Prompt prompt = new Prompt(KeyMask.redactKnown(e.prompt().system(), keys), history,
                KeyMask.redactKnown(e.prompt().user(), keys));
        return new Experiment(e.id(), e.name(), prompt, e.base(), e.targets(), e.params(), e.inputs(), e.repeats(),
                e.concurrency(), e.checks(), e.createdAt());
    }

    static CellResult result(CellResult r, Collection<String> keys) {
        ApiError error = r.error();
        if (error != null && error.message() != null) {
            String masked = KeyMask.redact(error.message(), keys);
            error = new ApiError(error.kind(), error.status(), error.type(), masked, error.retries(), error.param());
        }
        return new CellResult(r.cell(), r.status(), KeyMask.redactKnown(r.content(), keys),
                KeyMask.redactKnown(r.reasoning(), keys), r.finishReason(), r.usage(), r.truncated(), r.costUsd(),
                r.ttftMillis(), r.durationMillis(), r.tokensPerSecond(), error, r.verdicts(), r.rating(), r.startedAt());
    }
}
