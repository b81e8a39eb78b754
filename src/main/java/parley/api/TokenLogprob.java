package parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One token of a reply with its log-probability and the most likely alternatives ({@code logprobs.content[]}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenLogprob(String token, double logprob, List<Integer> bytes,
                           @JsonProperty("top_logprobs") List<Top> topLogprobs) {
    public TokenLogprob {
        bytes = bytes == null ? null : List.copyOf(bytes);
        topLogprobs = topLogprobs == null ? List.of() : List.copyOf(topLogprobs);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Top(String token, double logprob, List<Integer> bytes) {
        public Top {
            bytes = bytes == null ? null : List.copyOf(bytes);
        }
    }
}
