package parley.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes ledger rows and grouped totals as CSV (RFC 4180: comma-separated, quoted where needed, CRLF). */
public final class UsageCsv {
    public static final List<String> ENTRY_HEADER = List.of("time", "day", "provider", "model", "prompt_tokens",
            "completion_tokens", "reasoning_tokens", "cached_tokens", "estimated", "cost_usd", "ttft_ms",
            "duration_ms", "outcome", "conversation_id", "message_id", "origin");

    /** A team's rows: the member first, then the columns of {@link #ENTRY_HEADER}. */
    public static final List<String> MEMBER_ENTRY_HEADER = withFirst("member", ENTRY_HEADER);

    private UsageCsv() {}

    /** One line per request; an unknown cost or time to first token is an empty field. */
    public static void writeEntries(List<LedgerEntry> entries, Writer out) {
        line(out, ENTRY_HEADER);
        for (LedgerEntry e : entries) line(out, fields(e));
    }

    /** One line per request of a team's ledger, the member who sent it first. */
    public static void writeMemberEntries(List<MemberEntry> entries, Writer out) {
        line(out, MEMBER_ENTRY_HEADER);
        for (MemberEntry e : entries) line(out, withFirst(text(e.member()), fields(e.entry())));
    }

    private static List<String> fields(LedgerEntry e) {
        TokenCounts t = e.tokens();
        return List.of(e.at().toString(), e.day().toString(), text(e.provider()), text(e.model()),
                Long.toString(t.prompt()), Long.toString(t.completion()), Long.toString(t.reasoning()),
                Long.toString(t.cached()), Boolean.toString(t.estimated()),
                e.costUsd() == null ? "" : e.costUsd().toPlainString(),
                e.ttftMillis() == null ? "" : e.ttftMillis().toString(), Long.toString(e.durationMillis()),
                e.outcome().label(), orEmpty(e.conversationId()), orEmpty(e.messageId()), e.origin());
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return List.copyOf(all);
    }

    /**
     * One line per group. {@code cost_usd} sums the requests whose price is known;
     * {@code unknown_price_requests} says how many are left out of it.
     */
    public static void writeTotals(List<UsageTotal> totals, GroupBy by, Writer out) {
        line(out, List.of(by.label(), "requests", "prompt_tokens", "completion_tokens", "reasoning_tokens",
                "cached_tokens", "estimated", "cost_usd", "unknown_price_requests"));
        for (UsageTotal g : totals) {
            TokenCounts t = g.tokens();
            line(out, List.of(text(g.key()), Integer.toString(g.requests()), Long.toString(t.prompt()),
                    Long.toString(t.completion()), Long.toString(t.reasoning()), Long.toString(t.cached()),
                    Boolean.toString(t.estimated()), g.cost().known().toPlainString(),
                    Integer.toString(g.cost().unknownParts())));
        }
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    /** A text from a server, written so that a spreadsheet does not take it for a formula. */
    static String text(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void line(Writer out, List<String> fields) {
        try {
            out.write(String.join(",", fields.stream().map(UsageCsv::field).toList()));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
