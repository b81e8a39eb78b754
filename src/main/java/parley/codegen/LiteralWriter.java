package parley.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree as a literal of one language. A container of scalars that fits on a line is
 * written on one line; anything else gets one element per line.
 */
final class LiteralWriter {
    private static final int WIDTH = 100;
    private final Syntax syntax;
    private final String indentUnit;

    LiteralWriter(Syntax syntax, String indentUnit) {
        this.syntax = syntax;
        this.indentUnit = indentUnit;
    }

    /** The literal, its first line unindented, its other lines indented relative to column 0. */
    String write(JsonNode node) {
        return write(node, "");
    }

    String write(JsonNode node, String indent) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                keys.add(syntax.key(field.getKey()));
                values.add(write(field.getValue(), indent + indentUnit));
            }
            String pad = syntax.padInlineObjects() ? " " : "";
            String inline = container(syntax.objectOpen(), syntax.objectClose(), joined(keys, values), node, indent, pad);
            if (!syntax.alignKeys() || !inline.contains("\n")) {
                return inline;
            }
            return container(syntax.objectOpen(), syntax.objectClose(), aligned(keys, values), node, indent, pad);
        }
        if (node.isArray()) {
            List<String> entries = new ArrayList<>();
            for (JsonNode element : node) {
                entries.add(write(element, indent + indentUnit));
            }
            return container(syntax.arrayOpen(), syntax.arrayClose(), entries, node, indent, "");
        }
        return scalar(node);
    }

    String scalar(JsonNode node) {
        if (node.isTextual()) {
            return syntax.string(node.textValue());
        }
        if (node.isBoolean()) {
            return syntax.bool(node.booleanValue());
        }
        if (node.isNull() || node.isMissingNode()) {
            return syntax.nullValue();
        }
        return node.asText();
    }

    private String container(String open, String close, List<String> entries, JsonNode node, String indent,
                             String pad) {
        if (entries.isEmpty()) {
            return open + close;
        }
        String inline = open + pad + String.join(", ", entries) + pad + close;
        if (scalarsOnly(node) && indent.length() + inline.length() <= WIDTH) {
            return inline;
        }
        StringBuilder out = new StringBuilder(open).append('\n');
        for (int i = 0; i < entries.size(); i++) {
            boolean last = i == entries.size() - 1;
            out.append(indent).append(indentUnit).append(entries.get(i));
            out.append(last && !syntax.trailingComma() ? "" : ",").append('\n');
        }
        return out.append(indent).append(close).toString();
    }

    private static List<String> joined(List<String> keys, List<String> values) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            entries.add(keys.get(i) + values.get(i));
        }
        return entries;
    }

    /** gofmt's layout: in each run of one-line entries, the values start in one column. */
    private static List<String> aligned(List<String> keys, List<String> values) {
        List<String> entries = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= keys.size(); i++) {
            if (i < keys.size() && !values.get(i).contains("\n")) {
                continue;
            }
            int width = 0;
            for (int j = runStart; j < i; j++) {
                width = Math.max(width, keys.get(j).length());
            }
            for (int j = runStart; j < i; j++) {
                entries.add(keys.get(j) + " ".repeat(width - keys.get(j).length()) + values.get(j));
            }
            if (i < keys.size()) {
                entries.add(keys.get(i) + values.get(i));
            }
            runStart = i + 1;
        }
        return entries;
    }

    private static boolean scalarsOnly(JsonNode node) {
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                return false;
            }
        }
        return true;
    }
}
