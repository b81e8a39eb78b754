package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class UsageCsvTest {
    private static final LedgerEntry PRICED = new LedgerEntry(1, Instant.parse("2026-03-10T12:00:00Z"),
            LocalDate.of(2026, 3, 10), "atlascloud", "deepseek-ai/deepseek-v3.2",
            new TokenCounts(2000, 1000, 400, 1000, false), new BigDecimal("0.00077"), 120L, 900, Outcome.OK,
            "conv,\"1\"", "m-1", "window");
    private static final LedgerEntry UNKNOWN = new LedgerEntry(2, Instant.parse("2026-03-11T08:00:00Z"),
            LocalDate.of(2026, 3, 11), "proxy", "mystery\nmodel", new TokenCounts(10, 5, 0, 0, true), null, null,
            40, Outcome.STOPPED, null, null, "cli");

    @Test
    void entriesAreParsedBackFieldForField() {
        StringWriter out = new StringWriter();
        UsageCsv.writeEntries(List.of(PRICED, UNKNOWN), out);
        List<List<String>> rows = parse(out.toString());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(UsageCsv.ENTRY_HEADER);
        assertThat(rows.get(1)).containsExactly("2026-03-10T12:00:00Z", "2026-03-10", "atlascloud",
                "deepseek-ai/deepseek-v3.2", "2000", "1000", "400", "1000", "false", "0.00077", "120", "900", "ok",
                "conv,\"1\"", "m-1", "window");
        assertThat(rows.get(2)).containsExactly("2026-03-11T08:00:00Z", "2026-03-11", "proxy", "mystery\nmodel",
                "10", "5", "0", "0", "true", "", "", "40", "stopped", "", "", "cli");
    }

    @Test
    void totalsSayHowManyRequestsHaveNoKnownPrice() {
        StringWriter out = new StringWriter();
        UsageCsv.writeTotals(UsageReport.group(List.of(PRICED, UNKNOWN), GroupBy.PROVIDER), GroupBy.PROVIDER, out);
        List<List<String>> rows = parse(out.toString());
        assertThat(rows.get(0)).containsExactly("provider", "requests", "prompt_tokens", "completion_tokens",
                "reasoning_tokens", "cached_tokens", "estimated", "cost_usd", "unknown_price_requests");
        assertThat(rows.get(1)).containsExactly("atlascloud", "1", "2000", "1000", "400", "1000", "false", "0.00077", "0");
        assertThat(rows.get(2)).containsExactly("proxy", "1", "10", "5", "0", "0", "true", "0", "1");
    }

    @Test
    void aModelIdThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
        LedgerEntry odd = new LedgerEntry(3, Instant.parse("2026-03-12T08:00:00Z"), LocalDate.of(2026, 3, 12), "+proxy",
                "=cmd|'/c calc'!A1", new TokenCounts(1, 1, 0, 0, false), null, null, 1, Outcome.OK, null, null, "cli");
        StringWriter out = new StringWriter();
        UsageCsv.writeEntries(List.of(odd), out);
        assertThat(parse(out.toString()).get(1)).startsWith("2026-03-12T08:00:00Z", "2026-03-12", "'+proxy", "'=cmd|'/c calc'!A1");
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF line ends. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString()); field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(row).isEmpty();
        assertThat(field.toString()).isEmpty();
        return rows;
    }
}
