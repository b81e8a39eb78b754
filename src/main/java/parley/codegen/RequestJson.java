package parley.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parley.api.ChatRequest;

/** The request as the JSON tree the app posts: the same annotations decide what is in it. */
final class RequestJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {}

    static ObjectNode tree(ChatRequest request) {
        return MAPPER.valueToTree(request);
    }
}
