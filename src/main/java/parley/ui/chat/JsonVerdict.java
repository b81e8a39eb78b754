package parley.ui.chat;

import java.util.List;

/**
 * What a check of JSON text found: valid (against its schema, when there is one), not JSON at all,
 * or JSON that breaks the schema, with each violation as {@code path: message}. {@code pretty} is the
 * text pretty-printed when it is JSON, else the text as it came.
 */
public record JsonVerdict(Kind kind, String pretty, List<String> problems) {
    public enum Kind { VALID, NOT_JSON, VIOLATES }

    public JsonVerdict {
        problems = List.copyOf(problems);
    }

    public boolean valid() { return kind == Kind.VALID; }

    /** One line for a flag or a footer, e.g. "Not valid JSON: …" or "2 problems with the schema". */
    public String summary() {
        return switch (kind) {
            case VALID -> "Valid";
            case NOT_JSON -> "Not valid JSON: " + problems.getFirst();
            case VIOLATES -> problems.size() == 1 ? "Does not match the schema: " + problems.getFirst()
                    : "Does not match the schema (" + problems.size() + " problems)";
        };
    }
}
