package parley.mcp;

/** One piece of a tool's result: text, or an image (base64, with its mime type) to attach. */
public sealed interface ResultPart {
    record Text(String text) implements ResultPart {}

    record Image(String mimeType, String base64) implements ResultPart {}
}
