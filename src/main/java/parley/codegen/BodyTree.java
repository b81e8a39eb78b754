package parley.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parley.api.ChatRequest;
import parley.api.RequestJson;

/** The body the app posts for a request, read back as a JSON tree for the generators to write out. */
final class BodyTree {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BodyTree() {}

    /** Written by the client's own mapper, so the snippet carries exactly what {@code ChatClient} sends. */
    static ObjectNode of(ChatRequest request) {
        try {
            return (ObjectNode) MAPPER.readTree(RequestJson.write(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request body could not be read back", e);
        }
    }

    /** Whether the body offers the model tools (the SDK snippets then run the tool-call loop). */
    static boolean offersTools(ObjectNode body) {
        return body.path("tools").isArray() && !body.path("tools").isEmpty();
    }
}
