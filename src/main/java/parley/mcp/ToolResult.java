package parley.mcp;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a tool call gave back: its parts, whether it is an error (the server's {@code isError}, or
 * Parley's own refusal: unknown tool, arguments that do not match the schema, a server that failed),
 * and the time the call took.
 */
public record ToolResult(List<ResultPart> content, boolean isError, Duration elapsed) {
    public ToolResult {
        content = List.copyOf(content);
    }

    /** An error result with one text part, e.g. a refusal before any call. */
    public static ToolResult error(String message, Duration elapsed) {
        return new ToolResult(List.of(new ResultPart.Text(message)), true, elapsed);
    }

    /** The text parts, one after the other on their own lines: what the model is sent back. */
    public String text() {
        return content.stream().filter(ResultPart.Text.class::isInstance).map(p -> ((ResultPart.Text) p).text())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The text of the {@code tool} message the model is sent back: an error says so first, and images
     * are named, not sent (a tool message carries text).
     */
    public String forModel() {
        String text = text();
        int count = images().size();
        if (count > 0) {
            text = (text.isEmpty() ? "" : text + "\n") + "(" + count + (count == 1 ? " image" : " images")
                    + " not sent back: a tool message carries text)";
        }
        return isError ? "Error: " + text : text;
    }

    public List<ResultPart.Image> images() {
        return content.stream().filter(ResultPart.Image.class::isInstance).map(ResultPart.Image.class::cast).toList();
    }
}
