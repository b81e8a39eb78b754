package parley.history;

import java.time.Instant;
import java.util.Map;
import parley.api.Usage;

/**
 * One message as it is kept in the history and written to an export. For a reply, {@code model},
 * {@code parameters} (the request's parameters besides model and messages, as they went on the
 * wire) and {@code usage} say how it was made; for a typed message they are null. {@code status}
 * is a {@code MessageStatus} name: COMPLETE, STREAMING, STOPPED, FAILED or TRUNCATED.
 */
public record SavedMessage(String id, String role, String content, String reasoning, String status,
                           String error, String model, Map<String, Object> parameters, Usage usage,
                           Instant createdAt) {
    public static final String COMPLETE = "COMPLETE";
    public static final String STREAMING = "STREAMING";

    public SavedMessage {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? "" : reasoning;
        status = status == null ? COMPLETE : status;
        parameters = parameters == null ? null : RequestParameters.copy(parameters);
    }

    /** A message typed by the user (or a system prompt), complete as it is. */
    public static SavedMessage typed(String id, String role, String content, Instant at) {
        return new SavedMessage(id, role, content, "", COMPLETE, null, null, null, null, at);
    }

    public SavedMessage withId(String newId) {
        return new SavedMessage(newId, role, content, reasoning, status, error, model, parameters, usage, createdAt);
    }
}
