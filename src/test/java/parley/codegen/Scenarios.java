package parley.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;

/** The requests the generator tests turn into code. */
final class Scenarios {
    static final String ATLAS = "https://api.atlascloud.ai/v1";
    static final String ATLAS_KEY = "ATLASCLOUD_API_KEY";
    static final String MODEL = "deepseek-ai/deepseek-v3.2-speciale";

    /** Text that breaks naive quoting in every language and in the shell. */
    static final String TRICKY = "Say \"hi\" and 'bye'\\n (a backslash-n), then a real newline:\n"
            + "\tthe tab, $(whoami), $HOME, `uname -a`, !! and !$, \\ alone, \"\"\" three quotes,"
            + " emoji 👋🏽🚀, CJK 你好世界 こんにちは, é ü ß";

    private Scenarios() {}

    /** The provider page's example: one user message, max_tokens 1024, temperature 0.7. */
    static ChatRequest seed() {
        return ChatRequest.of(MODEL, List.of(ChatMessage.user("hello")));
    }

    /** Every parameter on, a system prompt, a whole conversation, tricky text, streaming with usage. */
    static ChatRequest everything(boolean stream) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("top_k", 40);
        extra.put("chat_template_kwargs", Map.of("enable_thinking", false));
        return new ChatRequest(MODEL,
                List.of(ChatMessage.system("You are terse. Answer in one line."),
                        ChatMessage.user(TRICKY),
                        ChatMessage.assistant("Done: \"hi\" 'bye' `ok` $(nothing) 🚀"),
                        ChatMessage.user("Again, shorter.")),
                512, 0.7, 0.95, 0.5, -0.25, List.of("\n\n", "END"),
                stream, stream ? ChatRequest.StreamOptions.INCLUDE_USAGE : null, extra);
    }

    /** A local server without a key, parameters left out. */
    static ChatRequest bare(boolean stream) {
        return new ChatRequest("qwen2.5:0.5b", List.of(ChatMessage.user("hello")),
                null, null, null, null, null, null, stream, null, null);
    }
}
