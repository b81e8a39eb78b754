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
    private Database heldDb;
    private UsageService held;

    public LedgerHook(Map<String, String> env, PrintStream err, Clock clock) {
        this.env = env;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public BigDecimal recorded(ExchangeRecord record) {
        return recorded(record, LedgerEntry.CLI);
    }

    /** Writes the request with this origin, one at a time; the database is opened for it unless it is {@linkplain #hold() held}. */
    @Override
    public synchronized BigDecimal recorded(ExchangeRecord record, String from) {
        RequestOrigin origin = new RequestOrigin(record.providerId(), record.baseUrl(), null, null, from);
        try {
            if (held != null) {
                return held.tracker().record(origin, record.request(), record.result()).costUsd();
            }
            try (Database db = DataHome.openForUsage(env, err)) {
                BigDecimal cost = UsageService.over(db, clock).tracker().record(origin, record.request(), record.result()).costUsd();
                TeamLink.sendQueued(db, env, err);
                return cost;
            }
        } catch (RuntimeException e) {
            err.println("parley: the request was not written to the usage ledger: " + Subcommand.oneLine(e));
            return null;
        }
    }

    /** Keeps the database open for the requests until the hold is closed (a sweep writes many). */
    @Override
    public synchronized Held hold() {
        if (held != null) {
            return () -> { };
        }
        try {
            heldDb = DataHome.openForUsage(env, err);
            held = UsageService.over(heldDb, clock);
        } catch (RuntimeException e) {
            return () -> { };
        }
        return this::release;
    }

    private synchronized void release() {
        held = null;
        if (heldDb != null) {
            TeamLink.sendQueued(heldDb, env, err);
            heldDb.close();
            heldDb = null;
        }
    }
}
