package parley.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a {@code tool_calls} array of a streamed delta or of a whole message into
 * {@link StreamEvent.ToolCallPiece}s (of choice 0; the caller re-tags them once the choice's index is
 * known). A call without an index takes its place in the array. {@code arguments} sent as an object
 * (or any other JSON value) instead of a string is kept as its JSON text, byte for byte.
 */
final class ToolCallReader {
    private final byte[] bytes;
    private final int offset;

    /** {@code bytes} from {@code offset}: the JSON the parser reads, for copying raw argument text. */
    ToolCallReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.offset = offset;
    }

    void readArray(JsonParser p, List<StreamEvent.ToolCallPiece> out) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        int position = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                out.add(readCall(p, position));
            } else {
                p.skipChildren();
            }
            position++;
        }
    }

    private StreamEvent.ToolCallPiece readCall(JsonParser p, int position) throws IOException {
        int index = position;
        String id = null, type = null;
        String[] function = {null, null};
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "index" -> index = readIndex(p, position);
                case "id" -> id = text(p);
                case "type" -> type = text(p);
                case "function" -> readFunction(p, function);
                default -> skipValue(p);
            }
        }
        return new StreamEvent.ToolCallPiece(0, index, id, type, function[0], function[1]);
    }

    private void readFunction(JsonParser p, String[] nameAndArguments) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            switch (name) {
                case "name" -> nameAndArguments[0] = text(p);
                case "arguments" -> nameAndArguments[1] = arguments(p);
                default -> skipValue(p);
            }
        }
    }

    /** A string as it is; null for null; an object, array, number or boolean as its JSON text. */
    private String arguments(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            long start = p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            long end = p.currentLocation().getByteOffset();
            return new String(bytes, offset + (int) start, (int) (end - start), StandardCharsets.UTF_8);
        }
        return p.getText();
    }

    private static int readIndex(JsonParser p, int fallback) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() >= 0) {
            return p.getIntValue();
        }
        p.skipChildren();
        return fallback;
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static void skipValue(JsonParser p) throws IOException {
        p.nextToken();
        p.skipChildren();
    }
}
