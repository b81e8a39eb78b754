package parley.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's {@code tools/call} answer as a {@link ToolResult}: text parts, images as attachments,
 * other content described in a line of text; everything past {@value #LIMIT} characters is cut,
 * with a note that says so.
 */
final class Results {
    static final int LIMIT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {}

    static ToolResult of(McpSchema.CallToolResult result, Duration elapsed) {
        List<ResultPart> parts = new ArrayList<>();
        for (McpSchema.Content content : result.content()) parts.add(part(content));
        if (parts.isEmpty() && result.structuredContent() != null) parts.add(new ResultPart.Text(json(result.structuredContent())));
        return new ToolResult(cut(parts), Boolean.TRUE.equals(result.isError()), elapsed);
    }

    private static ResultPart part(McpSchema.Content content) {
        return switch (content) {
            case McpSchema.TextContent text -> new ResultPart.Text(text.text());
            case McpSchema.ImageContent image -> new ResultPart.Image(image.mimeType(), image.data());
            case McpSchema.AudioContent audio -> new ResultPart.Text("[audio, " + audio.mimeType() + ", not shown]");
            case McpSchema.EmbeddedResource embedded -> switch (embedded.resource()) {
                case McpSchema.TextResourceContents text -> new ResultPart.Text(text.text());
                case McpSchema.BlobResourceContents blob -> new ResultPart.Text("[resource " + blob.uri() + ", "
                        + blob.mimeType() + ", not shown]");
                default -> new ResultPart.Text("[resource " + embedded.resource().uri() + "]");
            };
            case McpSchema.ResourceLink link -> new ResultPart.Text("[resource link: " + link.name() + " " + link.uri() + "]");
            default -> new ResultPart.Text("[" + content.type() + " content, not shown]");
        };
    }

    /** Keeps the parts up to {@link #LIMIT} characters in all; the rest cut, with a note. */
    static List<ResultPart> cut(List<ResultPart> parts) {
        long total = parts.stream().mapToLong(Results::size).sum();
        if (total <= LIMIT) return parts;
        List<ResultPart> kept = new ArrayList<>();
        long left = LIMIT;
        for (ResultPart part : parts) {
            long size = size(part);
            if (size <= left) {
                kept.add(part);
                left -= size;
            } else if (part instanceof ResultPart.Text text && left > 0) {
                kept.add(new ResultPart.Text(text.text().substring(0, (int) left)));
                left = 0;
            }
        }
        kept.add(new ResultPart.Text("[Parley cut this result: it was " + total + " characters, over the limit of "
                + LIMIT + " (1 MB).]"));
        return kept;
    }

    private static long size(ResultPart part) {
        return switch (part) {
            case ResultPart.Text text -> text.text().length();
            case ResultPart.Image image -> image.base64().length();
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
