package parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A request as JSON, written by the same mapper {@link ChatClient} uses for the body it posts. */
public final class RequestJson {
    private RequestJson() {}

    /** The body exactly as {@link ChatClient} posts it. */
    public static String write(ChatRequest request) {
        try {
            return ChatClient.JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The same JSON, indented for reading. */
    public static String pretty(ChatRequest request) {
        try {
            return ChatClient.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
