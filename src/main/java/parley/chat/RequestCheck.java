package parley.chat;

import java.util.List;
import parley.api.ChatRequest;
import parley.api.RequestValidator;

/**
 * Refuses a request that must not leave the app, by throwing {@link IllegalArgumentException}
 * with a message that names the parameter and its allowed range.
 */
@FunctionalInterface
public interface RequestCheck {
    void check(ChatRequest request);

    /** The seed's bounds ({@link RequestValidator}); every problem on one line. */
    RequestCheck SEED_BOUNDS = request -> {
        List<String> problems = RequestValidator.problems(request);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    };
}
