package parley.history;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.ApiError;
import parley.api.Usage;
import parley.chat.Message;
import parley.chat.MessageStatus;

/** Converts between the chat's messages and the history's. */
final class MessageCodec {
    private static final Pattern ERROR = Pattern.compile("([A-Z_]+)(?: (\\d+))?: (.*)", Pattern.DOTALL);

    private MessageCodec() {}

    static SavedMessage toSaved(Message m, String model, Map<String, Object> parameters, Usage usage, Instant at) {
        return new SavedMessage(m.id(), m.role(), m.content(), m.reasoning(), m.status().name(), error(m.error()),
                model, parameters, usage, at, m.name(), m.toolCalls(), m.toolCallId(), m.logprobs(), m.choices(),
                m.chosen());
    }

    /** A stored message back in the chat; a reply that was still arriving when the app ended reads as truncated. */
    static Message toMessage(SavedMessage m) {
        return new Message(m.id(), m.role(), m.content(), m.reasoning(), status(m.status()), error(m.error()),
                m.name(), m.toolCalls(), m.toolCallId(), m.logprobs(), m.choices(), m.chosen());
    }

    static String error(ApiError error) {
        if (error == null) {
            return null;
        }
        return error.kind().name() + (error.status() > 0 ? " " + error.status() : "") + ": "
                + (error.message() == null ? "" : error.message());
    }

    static ApiError error(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ERROR.matcher(text);
        if (m.matches()) {
            try {
                return new ApiError(ApiError.Kind.valueOf(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                        null, m.group(3));
            } catch (IllegalArgumentException unknownKind) {
                // an imported file may name its own kinds: keep the whole text below
            }
        }
        return new ApiError(ApiError.Kind.PROTOCOL, 0, null, text);
    }

    private static MessageStatus status(String name) {
        try {
            MessageStatus status = MessageStatus.valueOf(name);
            return status == MessageStatus.STREAMING ? MessageStatus.TRUNCATED : status;
        } catch (IllegalArgumentException | NullPointerException e) {
            return MessageStatus.COMPLETE;
        }
    }
}
