package parley.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.TokenLogprob;
import parley.api.ToolCall;

/** The Markdown of a message's parts that are not prose: code blocks, tool calls, log-probabilities. */
final class MarkdownBlocks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownBlocks() {}

    /** A tool call: the function, its id, and its arguments pretty-printed (as they came when not JSON). */
    static String toolCall(ToolCall call) {
        StringBuilder md = new StringBuilder("**Tool call** `").append(call.name()).append('`');
        if (call.id() != null) {
            md.append(" (").append(call.id()).append(')');
        }
        md.append("\n\n");
        String arguments = call.arguments() == null ? "" : call.arguments();
        JsonNode parsed = parse(arguments);
        if (parsed == null) {
            md.append(fenced(arguments, "")).append("*The arguments are not valid JSON.*\n\n");
        } else {
            md.append(fenced(parsed.toPrettyString(), "json"));
        }
        return md.toString();
    }

    /** How many tokens came with log-probabilities, and their mean (the reply's surprise). */
    static String logprobs(List<TokenLogprob> tokens) {
        double mean = tokens.stream().mapToDouble(TokenLogprob::logprob).average().orElse(0);
        return "log-probabilities: " + tokens.size() + " tokens, mean " + String.format(Locale.ROOT, "%.3f", mean);
    }

    static boolean isJson(String text) {
        JsonNode parsed = parse(text);
        return parsed != null && (parsed.isObject() || parsed.isArray());
    }

    /** The text in a fence longer than any run of backticks inside it. */
    static String fenced(String text, String language) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String body = text.endsWith("\n") ? text : text + "\n";
        return fence + language + "\n" + body + fence + "\n\n";
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
