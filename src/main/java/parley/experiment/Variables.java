package parley.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.api.ChatMessage;

/**
 * The {@code {{name}}} variables of a prompt: which names it uses and the texts with a row's values
 * put in. A name is letters, digits, {@code _}, {@code -} and {@code .}, with spaces allowed inside
 * the braces ({@code {{ city }}}).
 */
public final class Variables {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private Variables() {}

    /** The names the prompt uses, in the order they first appear (system, history, user). */
    public static Set<String> used(Prompt prompt) {
        Set<String> names = new LinkedHashSet<>();
        collect(prompt.system(), names);
        for (ChatMessage message : prompt.history()) {
            collect(message.content(), names);
        }
        collect(prompt.user(), names);
        return names;
    }

    /** The names in one text, in order of first appearance. */
    public static Set<String> used(String text) {
        Set<String> names = new LinkedHashSet<>();
        collect(text, names);
        return names;
    }

    private static void collect(String text, Set<String> names) {
        if (text == null) {
            return;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /** The text with each {@code {{name}}} the row has a value for replaced; others stay as they are. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null || values.isEmpty() || !text.contains("{{")) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The problems of the prompt against the inputs' columns: a used name with no column. */
    public static List<String> missing(Prompt prompt, List<String> columns) {
        List<String> problems = new ArrayList<>();
        for (String name : used(prompt)) {
            if (!columns.contains(name)) {
                problems.add("{{" + name + "}} has no column in the inputs: add a column named " + name
                        + ", or take {{" + name + "}} out of the prompt");
            }
        }
        return problems;
    }

    /** The warnings: columns that no {@code {{name}}} of the prompt uses. */
    public static List<String> unused(Prompt prompt, List<String> columns) {
        Set<String> used = used(prompt);
        List<String> warnings = new ArrayList<>();
        for (String column : columns) {
            if (!used.contains(column)) {
                warnings.add("the column " + column + " is not used: no {{" + column + "}} in the prompt");
            }
        }
        return warnings;
    }
}
