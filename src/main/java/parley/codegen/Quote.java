package parley.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;

/** String literals for each target language: whatever the text holds, the literal means exactly it. */
final class Quote {
    private Quote() {}

    static String json(String text) {
        try {
            return BodyTree.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    /** A double-quoted literal for Python, JavaScript and Go: C-style escapes, other text as it is. */
    static String cStyle(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A Java string literal. Control characters become octal escapes: a backslash-u escape would be
     *  translated before the compiler reads the string. */
    static String java(String text) {
        return cStyle(text, "\\%03o");
    }

    /** The content of a Java text block: backslashes doubled, no closing delimiter inside. */
    static String javaTextBlock(String text) {
        return text.replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
    }

    /** A C# regular string literal. */
    static String csharp(String text) {
        return cStyle(text, "\\u%04x");
    }

    /** A double-quoted literal with C-style escapes; other control characters in {@code controlFormat}. */
    private static String cStyle(String text, String controlFormat) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c == 0x7f ? String.format(controlFormat, (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A C# verbatim string: nothing is escaped but the double quote, which is doubled. */
    static String csharpVerbatim(String text) {
        return "@\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A POSIX shell word in single quotes: $, backticks, ! and backslashes stay literal. */
    static String shell(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
