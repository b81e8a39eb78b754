package parley.ui.chat;

import java.util.concurrent.CompletionStage;

/**
 * Stands before every send and regenerate. Asked on the FX thread, it answers later (after reading a
 * store in the background, or asking the user), so the window never waits on it.
 */
@FunctionalInterface
public interface SendGuard {
    /** Completes with true when the request may go out, false (or exceptionally) when it may not. */
    CompletionStage<Boolean> approve();
}
