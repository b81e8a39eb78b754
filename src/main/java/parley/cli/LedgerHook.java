package parley.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import parley.api.ChatRequest;
import parley.chat.ExchangeRecord;
import parley.store.Database;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.Cost;
import parley.usage.LedgerEntry;
import parley.usage.RequestOrigin;
import parley.usage.SharedBudget;
import parley.usage.SharedPrices;
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
    private SharedPrices teamPrices;

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
                BigDecimal cost = usage(db, SharedBudget.NONE).tracker().record(origin, record.request(), record.result())
                        .costUsd();
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
            held = usage(heldDb, SharedBudget.NONE);
        } catch (RuntimeException e) {
            return () -> { };
        }
        return this::release;
    }

    /**
     * The verdict of the budgets (the user's and, when connected, the team's) on sending this request;
     * the team's hold is kept until the admission is closed. When the budgets cannot be read, says so
     * and lets the request go.
     */
    @Override
    public Admission admit(RequestOrigin origin, ChatRequest request) {
        return admitting((db, link) -> usage(db, link.budget()).admit(origin, request));
    }

    /** The team's verdict on work costing up to {@code upper} (a sweep), its hold kept until the admission is closed. */
    @Override
    public Admission admitTeam(Cost upper) {
        return admitting((db, link) -> link.budget().admit(upper));
    }

    /**
     * Judges with the data folder open; the team's workspace stays open until the admission is closed.
     * A data folder that cannot be opened lets the request go without a word here: the ledger's line
     * after the request says why.
     */
    private Admission admitting(BiFunction<Database, TeamUsage, Admission> judge) {
        Database db;
        try {
            db = DataHome.openForUsage(env, err);
        } catch (RuntimeException e) {
            return Admission.of(BudgetCheck.OK);
        }
        TeamUsage link = null;
        try (db) {
            link = TeamUsage.over(db, env);
            if (teamPrices == null) teamPrices = link.prices(err);
            Admission admission = judge.apply(db, link);
            TeamUsage open = link;
            return new Admission(admission.check(), () -> {
                try {
                    admission.close();
                } finally {
                    open.close();
                }
            });
        } catch (RuntimeException e) {
            if (link != null) link.close();
            err.println("parley: the budget could not be read: " + Subcommand.oneLine(e));
            return Admission.of(BudgetCheck.OK);
        }
    }

    private UsageService usage(Database db, SharedBudget budget) {
        return UsageService.over(db, clock, teamPrices == null ? SharedPrices.NONE : teamPrices, budget);
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
