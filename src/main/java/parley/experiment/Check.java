package parley.experiment;

/** An automatic verdict on every reply of an experiment. */
public sealed interface Check {
    /** The reply contains {@code text} (case-sensitive). */
    record Contains(String text) implements Check {}
    /** The reply does not contain {@code text}. */
    record NotContains(String text) implements Check {}
    /** The reply matches the regular expression somewhere ({@code find}, not a whole match). */
    record Matches(String regex) implements Check {}
    /** The reply is valid JSON. */
    record ValidJson() implements Check {}
    /** The reply is JSON valid against this JSON schema (its text). */
    record MatchesSchema(String schema) implements Check {}
    /** The reply used at most this many completion tokens. */
    record MaxTokens(int limit) implements Check {}
    /**
     * Another model scores the reply from 1 to 5 against the rubric; it passes at {@code passMark} or
     * above. The judge's own cost is counted apart from the cells'.
     */
    record Judge(Target judge, String rubric, int passMark) implements Check {}
}
