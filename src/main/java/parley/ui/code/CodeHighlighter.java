package parley.ui.code;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Splits a snippet into comments, strings, numbers and keywords for the code area's style classes
 * ({@code comment}, {@code string}, {@code number}, {@code keyword}). A light lexer per language,
 * enough for the code Parley generates.
 */
final class CodeHighlighter {
    private static final String C_COMMENTS = "//[^\\n]*|/\\*[\\s\\S]*?\\*/";
    private static final String DOUBLE_QUOTED = "\"(?:\\\\.|[^\"\\\\\\n])*\"";
    private static final String SINGLE_QUOTED = "'(?:\\\\.|[^'\\\\\\n])*'";
    private static final String NUMBER = "\\b\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b";

    private static final Map<String, Pattern> PATTERNS = Map.of(
            "curl", pattern("(?<=^|\\s)#[^\\n]*", "'[^']*'|" + DOUBLE_QUOTED,
                    "curl", "export", "\\s--?[a-zA-Z][\\w-]*"),
            "python", pattern("#[^\\n]*", "[fb]?" + DOUBLE_QUOTED + "|[fb]?" + SINGLE_QUOTED,
                    "import", "from", "as", "def", "class", "if", "elif", "else", "for", "in", "while", "with",
                    "return", "not", "and", "or", "is", "None", "True", "False", "continue", "break", "print"),
            "node", pattern(C_COMMENTS, DOUBLE_QUOTED + "|" + SINGLE_QUOTED + "|`(?:\\\\.|[^`\\\\])*`",
                    "import", "from", "const", "let", "await", "async", "for", "of", "if", "continue", "new",
                    "return", "true", "false", "null", "undefined", "while"),
            "java", pattern(C_COMMENTS, "\"\"\"[\\s\\S]*?(?<!\\\\)\"\"\"|" + DOUBLE_QUOTED + "|" + SINGLE_QUOTED,
                    "import", "public", "class", "static", "void", "throws", "new", "if", "else", "for", "while",
                    "continue", "break", "return", "try", "switch", "case", "default", "null", "true", "false",
                    "int", "char", "String"),
            "go", pattern(C_COMMENTS, DOUBLE_QUOTED + "|`[^`]*`",
                    "package", "import", "func", "type", "struct", "var", "if", "else", "for", "range", "return",
                    "defer", "continue", "break", "nil", "true", "false", "any", "map", "string", "err"),
            "csharp", pattern(C_COMMENTS, "@\"(?:\"\"|[^\"])*\"|\\$?" + DOUBLE_QUOTED,
                    "using", "class", "static", "async", "await", "var", "new", "if", "else", "foreach", "in",
                    "while", "continue", "break", "return", "null", "string", "out", "Task"));

    private CodeHighlighter() {}

    static StyleSpans<Collection<String>> spans(String languageId, String code) {
        Pattern pattern = PATTERNS.getOrDefault(family(languageId), PATTERNS.get("curl"));
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = pattern.matcher(code);
        int last = 0;
        while (m.find()) {
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(styleOf(m)), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), code.length() - last);
        return spans.create();
    }

    static String family(String languageId) {
        if (languageId.startsWith("python")) return "python";
        if (languageId.startsWith("node")) return "node";
        return languageId;
    }

    private static String styleOf(Matcher m) {
        for (String group : List.of("comment", "string", "number", "keyword")) {
            if (m.group(group) != null) return group;
        }
        return "text";
    }

    private static Pattern pattern(String comments, String strings, String... keywords) {
        List<String> words = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (String k : keywords) {
            if (k.matches("\\w+")) words.add(k);
            else raw.add(k);
        }
        String keywordRegex = "\\b(?:" + String.join("|", words) + ")\\b" + (raw.isEmpty() ? "" : "|" + String.join("|", raw));
        return Pattern.compile("(?<comment>" + comments + ")|(?<string>" + strings + ")|(?<number>" + NUMBER
                + ")|(?<keyword>" + keywordRegex + ")", Pattern.MULTILINE);
    }
}
