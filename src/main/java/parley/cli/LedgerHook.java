package parley.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import parley.chat.ExchangeRecord;
import parley.store.Database;
import parley.usage.LedgerEntry;
import parley.usage.RequestOrigin;
import parley.usage.UsageService;

/**
 * Writes every request of the command line to the usage ledger in the data folder and answers its
 * cost. When the ledger cannot be written, says so in one line and answers the cost all the same.
 */
public final class LedgerHook implements UsageHook {
    private final Map<String, String> env;
    private final PrintStream err;
    private final Clock clock;

    public LedgerHook(Map<String, String> env, PrintStream err, Clock clock) {
        this.env = env;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public BigDecimal recorded(ExchangeRecord record) {
        RequestOrigin origin = RequestOrigin.cli(record.providerId(), record.baseUrl());
        try (Database db = DataHome.openForUsage(env, err)) {
            LedgerEntry entry = UsageService.over(db, clock).tracker().record(origin, record.request(), record.result());
            return entry.costUsd();
        } catch (RuntimeException e) {
            err.println("parley: the request was not written to the usage ledger: " + Subcommand.oneLine(e));
            return null;
        }
    }
}
