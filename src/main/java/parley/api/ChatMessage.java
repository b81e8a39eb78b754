package parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One message of the conversation as it goes on the wire. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(String role, String content) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public static ChatMessage system(String content) { return new ChatMessage(SYSTEM, content); }
    public static ChatMessage user(String content) { return new ChatMessage(USER, content); }
    public static ChatMessage assistant(String content) { return new ChatMessage(ASSISTANT, content); }
}
