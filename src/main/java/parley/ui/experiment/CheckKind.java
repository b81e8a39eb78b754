package parley.ui.experiment;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import parley.experiment.Check;

/** The checks the form's small editor makes from one line of text; the judge has fields of its own ({@link JudgeEditor}). */
public enum CheckKind {
    CONTAINS("contains"), NOT_CONTAINS("does not contain"), MATCHES("matches the regex"),
    VALID_JSON("is valid JSON"), MAX_TOKENS("at most N tokens"), JUDGE("judged by a model");

    private final String label;

    CheckKind(String label) { this.label = label; }

    public boolean needsText() { return this != VALID_JSON && this != JUDGE; }

    @Override
    public String toString() { return label; }

    /** The check, or a message in {@link IllegalArgumentException} naming what to change. */
    public Check make(String text) {
        String t = text == null ? "" : text;
        if (needsText() && t.isBlank()) throw new IllegalArgumentException("The check \"" + label + "\" needs a text.");
        return switch (this) {
            case CONTAINS -> new Check.Contains(t);
            case NOT_CONTAINS -> new Check.NotContains(t);
            case MATCHES -> new Check.Matches(regex(t));
            case VALID_JSON -> new Check.ValidJson();
            case MAX_TOKENS -> new Check.MaxTokens(limit(t));
            case JUDGE -> throw new IllegalArgumentException("A judge check takes its model, rubric and pass mark from its own fields.");
        };
    }

    /** "contains \"Paris\"": a check as the list shows it. */
    public static String describe(Check check) {
        return switch (check) {
            case Check.Contains c -> "contains \"" + c.text() + "\"";
            case Check.NotContains c -> "does not contain \"" + c.text() + "\"";
            case Check.Matches c -> "matches /" + c.regex() + "/";
            case Check.ValidJson c -> "is valid JSON";
            case Check.MatchesSchema c -> "matches a JSON schema";
            case Check.MaxTokens c -> "at most " + c.limit() + " tokens";
            case Check.Judge c -> "judged by " + c.judge().label() + " (pass at " + c.passMark() + ")";
        };
    }

    private static String regex(String text) {
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The regular expression does not compile: " + e.getDescription() + ".");
        }
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"at most N tokens\" takes a whole number of 1 or more, not \"" + text.strip() + "\".");
        }
    }
}
