package parley.engine;

import java.util.List;
import parley.api.ChatMessage;

/** A loaded model: the conversation as its prompt, and generation token by token. One caller at a time. */
public interface LocalModel {
    /** The conversation through the model's chat template (ChatML when it has none). */
    String prompt(List<ChatMessage> messages);

    /** How many tokens the prompt takes, the BOS token the model adds included. */
    int promptTokens(String prompt);

    /**
     * Generates from the prompt, handing each token's text to {@code sink} on the calling thread.
     * Returns how many tokens were generated; stops early when the sink returns false.
     */
    int generate(String prompt, Generation generation, TokenSink sink);

    /** Receives generated text; false asks to stop (the client went away). */
    @FunctionalInterface
    interface TokenSink {
        boolean accept(String text);
    }
}
