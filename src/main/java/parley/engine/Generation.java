package parley.engine;

import java.util.List;
import parley.api.ChatMessage;

/**
 * What one completion asks of the model: the conversation and the sampling settings, already
 * checked. {@code maxTokens} is the most to generate; {@code seed} null for a random one.
 */
public record Generation(List<ChatMessage> messages, int maxTokens, double temperature, double topP,
                         double frequencyPenalty, double presencePenalty, List<String> stop, Integer seed) {
    public Generation {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
    }
}
