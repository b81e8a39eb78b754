package parley.preset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named preset's content: the request parameters and the system prompt. A null number means the
 * parameter is left out of the request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSet(Integer maxTokens, Double temperature, Double topP, Double frequencyPenalty,
                           Double presencePenalty, List<String> stop, boolean stream,
                           boolean includeUsage, String systemPrompt) {
    public ParameterSet {
        stop = stop == null ? List.of() : List.copyOf(stop);
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
    }
}
