package parley.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input rows from a table's text: CSV (RFC 4180: quoted fields may hold commas, quotes doubled, line
 * breaks) or, when the header line holds a tab, tab-separated as a spreadsheet copies it. The header
 * names the variables. A row with fewer fields gets empty text for the rest; one with more, an empty
 * header name or a name given twice is refused with the line to fix.
 */
public final class InputTable {
    private InputTable() {}

    public static List<InputRow> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = body.indexOf('\n');
        String firstLine = firstBreak < 0 ? body : body.substring(0, firstBreak);
        char delimiter = firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        List<List<String>> records = records(body, delimiter);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the table is empty: its first line names the variables, e.g. city,country");
        }
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new IllegalArgumentException("column " + (i + 1) + " of the header has no name: name every column");
            }
            if (header.indexOf(header.get(i)) != i) {
                throw new IllegalArgumentException("the column " + header.get(i) + " is named twice in the header: rename one");
            }
        }
        List<InputRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() > header.size()) {
                throw new IllegalArgumentException("row " + r + " has " + fields.size() + " fields but the header names "
                        + header.size() + ": quote fields that hold a " + (delimiter == '\t' ? "tab" : "comma"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), c < fields.size() ? fields.get(c) : "");
            }
            rows.add(new InputRow(values));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the table has a header but no rows: add a row of values under it");
        }
        return rows;
    }

    /** The records of the text; a blank line is no record. */
    static List<List<String>> records(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                endRecord(records, fields, field, any);
                fields = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed: add the closing \"");
        }
        endRecord(records, fields, field, any);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field, boolean any) {
        if (any || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        field.setLength(0);
    }
}
