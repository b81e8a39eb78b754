package parley.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snippet skeleton from {@code src/main/resources/parley/codegen/}. {@code {{name}}} is replaced
 * by a value; the lines after a value's first line take the indentation of the line it stands in.
 * A line holding only a placeholder whose value is empty disappears.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            Matcher whole = PLACEHOLDER.matcher(line.strip());
            if (whole.matches() && value(values, whole.group(1)).isEmpty()) {
                continue;
            }
            out.append(substitute(line, indent, values)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private String substitute(String line, String indent, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(values, m.group(1)).replace("\n", "\n" + indent);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("(?m)[ \t]+$", "");
    }

    private String value(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("template " + name + " has no value for {{" + key + "}}");
        }
        return value;
    }
}
