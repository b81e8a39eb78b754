package parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One message of the conversation as it goes on the wire. {@code toolCalls}: an assistant's calls;
 * {@code toolCallId}: the call a {@code tool} message answers; {@code reasoningContent}: an
 * assistant's reasoning, sent back only where a provider needs it (DeepSeek after a tool call in
 * thinking mode). Null fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, String content, String name,
                          @JsonProperty("tool_calls") List<ToolCall> toolCalls,
                          @JsonProperty("tool_call_id") String toolCallId,
                          @JsonProperty("reasoning_content") String reasoningContent) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public ChatMessage {
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
    }

    public ChatMessage(String role, String content) {
        this(role, content, null, null, null, null);
    }

    public static ChatMessage system(String content) { return new ChatMessage(SYSTEM, content); }
    public static ChatMessage user(String content) { return new ChatMessage(USER, content); }
    public static ChatMessage assistant(String content) { return new ChatMessage(ASSISTANT, content); }

    /** An assistant turn that asked for tools; {@code reasoning} is kept for providers that need it back. */
    public static ChatMessage assistantCalls(String content, List<ToolCall> calls, String reasoning) {
        return new ChatMessage(ASSISTANT, content, null, calls, null, reasoning);
    }

    /** The result of one tool call, answering {@code callId}. */
    public static ChatMessage toolResult(String callId, String content) {
        return new ChatMessage(TOOL, content, null, null, callId, null);
    }

    public ChatMessage withContent(String value) {
        return new ChatMessage(role, value, name, toolCalls, toolCallId, reasoningContent);
    }
}
