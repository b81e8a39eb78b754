package parley.ui.chat;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ApiError;

/**
 * What other window features may add to the chat without reaching into its state: a guard asked
 * before every send, a cost in a reply's footer, a note and a context warning under the composer, a
 * Branch action on the cards, the tools' canned results for the tool-call cards, and "Send without X"
 * on a reply refused for a parameter. Called on the FX thread.
 */
public interface ChatExtensions {
    /** Asked before every send and regenerate; a no from any guard keeps the request from going out. */
    void addSendGuard(SendGuard guard);

    /**
     * Shows a reply's cost in its footer, as text ("$0.0012", "price unknown"). A cost that arrives
     * before the reply's card is kept until the card exists.
     */
    void showCost(String messageId, String text);

    /** A line under the composer (what the request may cost); "" shows none. */
    void showComposerNote(String text);

    /** Offers "Branch from here" on every card; {@code action} gets the message id. */
    void offerBranching(Consumer<String> action);

    /**
     * A warning under the composer that the conversation and {@code max_tokens} pass the model's
     * context, with how much to cut; "" shows none.
     */
    void showContextWarning(String text);

    /**
     * The result saved with a tool, offered on its calls' cards ("Use the canned result");
     * {@code byToolName} answers null for a tool without one.
     */
    void offerCannedResults(Function<String, String> byToolName);

    /** Runs the calls of the tools {@code runner} knows (with the user's consent) instead of waiting for typed results. */
    void offerToolRunner(ToolRunner runner);

    /**
     * Offers "Send without X" on the last reply when it failed with an error that {@code named} finds a
     * parameter X in; {@code action} gets X and the error, and sends again without it.
     */
    void offerSendWithout(Function<ApiError, Optional<String>> named, BiConsumer<String, ApiError> action);

    /** Offers "Try this prompt across…" beside the composer; {@code action} opens the prompt as an experiment. */
    void offerExperiment(Runnable action);

    /** Offers "Prompts…" beside the composer; {@code action} opens the prompt library. */
    void offerPromptLibrary(Runnable action);
}
