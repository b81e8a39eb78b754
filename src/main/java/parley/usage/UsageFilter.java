package parley.usage;

import java.time.LocalDate;

/** Which ledger rows to read; a null field does not filter. {@code from} and {@code to} are inclusive days. */
public record UsageFilter(LocalDate from, LocalDate to, String provider, String model, String conversationId,
                          String messageId) {
    public static final UsageFilter ALL = new UsageFilter(null, null, null, null, null, null);

    public static UsageFilter since(LocalDate from) { return new UsageFilter(from, null, null, null, null, null); }

    public static UsageFilter day(LocalDate day) { return new UsageFilter(day, day, null, null, null, null); }

    public static UsageFilter conversation(String id) { return new UsageFilter(null, null, null, null, id, null); }

    public static UsageFilter message(String id) { return new UsageFilter(null, null, null, null, null, id); }

    public UsageFilter between(LocalDate newFrom, LocalDate newTo) {
        return new UsageFilter(newFrom, newTo, provider, model, conversationId, messageId);
    }

    public UsageFilter withProvider(String value) { return new UsageFilter(from, to, value, model, conversationId, messageId); }

    public UsageFilter withModel(String value) { return new UsageFilter(from, to, provider, value, conversationId, messageId); }
}
