package parley.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.Usage;

/** Conversations with every kind of content the files must carry. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00.123Z");

    private Samples() {}

    static ChatRequest request() {
        return new ChatRequest("deepseek-ai/deepseek-v3.2-speciale", List.of(), 2048, 0.3, 0.9, 0.5, -0.25,
                List.of("END", "\n\n"), true, ChatRequest.StreamOptions.INCLUDE_USAGE,
                Map.of("seed", 42, "top_k", 40));
    }

    static SavedConversation conversation() {
        Map<String, Object> params = RequestParameters.of(request());
        return new SavedConversation("c-1", "Prime numbers, briefly", "atlascloud",
                "deepseek-ai/deepseek-v3.2-speciale", "You are terse.", null, T0, T0.plusSeconds(30), List.of(
                SavedMessage.typed("m-1", ChatMessage.USER, "Name the first three primes.\n  Then stop.", T0),
                new SavedMessage("m-2", ChatMessage.ASSISTANT, "2, 3 and 5.\n\n```\ncode 👍 \"quoted\"\n```",
                        "Smallest prime is 2…\n\nthen 3, 5.", "COMPLETE", null,
                        "deepseek-ai/deepseek-v3.2-speciale", params, new Usage(12, 30, 42, 20, 4), T0.plusSeconds(3)),
                SavedMessage.typed("m-3", ChatMessage.USER, "And the next?", T0.plusSeconds(10)),
                new SavedMessage("m-4", ChatMessage.ASSISTANT, "7 and", "", "FAILED", "HTTP 502: upstream",
                        "deepseek-ai/deepseek-v3.2", Map.of("max_tokens", 16), null, T0.plusSeconds(12))));
    }
}
