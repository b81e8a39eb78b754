package parley.usage;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import parley.api.ChatRequest;
import parley.provider.Locality;
import parley.store.Database;
import parley.store.Settings;

/**
 * What the window and the CLI ask of the usage tracker: totals, groups, the cost chart, the CSV
 * export, the prices and the budget. Every call may touch the database: call it off the UI thread.
 */
public final class UsageService implements UsageReader {
    private final UsageTracker tracker;
    private final BudgetStore budgets;
    private final Clock clock;
    private final Supplier<String> owner;
    private final SharedBudget shared;

    public UsageService(UsageTracker tracker, BudgetStore budgets, Clock clock) {
        this(tracker, budgets, clock, () -> GroupBy.ME, SharedBudget.NONE);
    }

    public UsageService(UsageTracker tracker, BudgetStore budgets, Clock clock, SharedBudget shared) {
        this(tracker, budgets, clock, () -> GroupBy.ME, shared);
    }

    /**
     * {@code owner} names the ledger's one group by member (this data folder's member name); {@code
     * shared} is a team's budget, checked beside the user's.
     */
    public UsageService(UsageTracker tracker, BudgetStore budgets, Clock clock, Supplier<String> owner,
                        SharedBudget shared) {
        this.tracker = tracker;
        this.budgets = budgets;
        this.clock = clock;
        this.owner = owner;
        this.shared = shared;
    }

    /** The whole usage stack over the application's database. */
    public static UsageService over(Database database, Clock clock) {
        return over(database, clock, () -> GroupBy.ME, SharedPrices.NONE, SharedBudget.NONE);
    }

    /** The same, whose one group by member is named by {@code owner} (the member name in a team workspace). */
    public static UsageService over(Database database, Clock clock, Supplier<String> owner) {
        return over(database, clock, owner, SharedPrices.NONE, SharedBudget.NONE);
    }

    /** The same with a team's prices, which win over the user's, and a team's budget, checked beside the user's. */
    public static UsageService over(Database database, Clock clock, SharedPrices teamPrices, SharedBudget teamBudget) {
        return over(database, clock, () -> GroupBy.ME, teamPrices, teamBudget);
    }

    /** The whole usage stack with the member's name, the team's prices and the team's budget. */
    public static UsageService over(Database database, Clock clock, Supplier<String> owner, SharedPrices teamPrices,
                                    SharedBudget teamBudget) {
        Settings settings = new Settings(database);
        UsageTracker tracker = new UsageTracker(new UsageLedger(database),
                new PriceBook(new PriceStore(database), new LocalMarkStore(settings), clock, teamPrices),
                new TokenEstimator(), clock);
        return new UsageService(tracker, new BudgetStore(settings), clock, owner, teamBudget);
    }

    public UsageTracker tracker() { return tracker; }

    @Override
    public UsageOverview overview(String conversationId) {
        LocalDate today = LocalDate.now(clock);
        UsageLedger ledger = tracker.ledger();
        UsageTotal conversation = conversationId == null ? UsageTotal.empty("conversation")
                : ledger.total("conversation", UsageFilter.conversation(conversationId));
        UsageTotal day = ledger.total("today", UsageFilter.day(today));
        UsageTotal month = ledger.total("month", new UsageFilter(YearMonth.from(today).atDay(1), today, null, null,
                null, null));
        BudgetCheck budget = Budget.status(budgets.load(), day.cost(), month.cost());
        return new UsageOverview(conversation, day, month, ledger.total("all time", UsageFilter.ALL), budget);
    }

    /**
     * One total per key; summed in SQL unless the filter names a conversation or a message. By member:
     * one total, everything under this data folder's member name.
     */
    @Override
    public List<UsageTotal> group(UsageFilter filter, GroupBy by) {
        UsageLedger ledger = tracker.ledger();
        if (by == GroupBy.MEMBER) {
            UsageTotal all = ledger.total(owner.get(), filter);
            return all.requests() == 0 ? List.of() : List.of(all);
        }
        return UsageRollup.covers(filter) ? ledger.rollup().group(filter, by)
                : UsageReport.group(ledger.entries(filter), by);
    }

    @Override
    public UsageReport.DailyCosts dailyCosts(UsageFilter filter) {
        UsageLedger ledger = tracker.ledger();
        return UsageRollup.covers(filter) ? ledger.rollup().dailyCosts(filter)
                : UsageReport.dailyCostsByModel(ledger.entries(filter));
    }

    @Override
    public List<String> providers() { return tracker.ledger().distinct("provider"); }

    @Override
    public List<String> models() { return tracker.ledger().distinct("model"); }

    @Override
    public int exportCsv(UsageFilter filter, Path file) throws IOException {
        List<LedgerEntry> rows = tracker.ledger().entries(filter);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            UsageCsv.writeEntries(rows, out);
        }
        return rows.size();
    }

    public List<PriceRow> prices() { return tracker.prices().list(); }

    public Price setUserPrice(String provider, String model, BigDecimal input, BigDecimal output, BigDecimal cached) {
        return tracker.prices().setUserPrice(provider, model, input, output, cached);
    }

    public boolean removeUserPrice(String provider, String model) {
        return tracker.prices().removeUserPrice(provider, model);
    }

    /** The local rule with the user's marks of custom servers. */
    public Locality locality() { return tracker.prices().locality(); }

    /** Marks the custom server at {@code baseUrl} local, or takes the mark away; true when that changed anything. */
    public boolean markLocal(String baseUrl, boolean local) { return tracker.prices().markLocal(baseUrl, local); }

    public SendEstimate estimate(RequestOrigin origin, ChatRequest request) {
        return tracker.estimate(origin, request);
    }

    public BudgetCheck checkBudget(RequestOrigin origin, ChatRequest request) {
        return tracker.checkBudget(budgets.load(), origin, request);
    }

    /**
     * The verdict of the user's budget and the team's on sending this request now, the stricter one
     * winning; unless refused, the team's budget holds the request's upper estimate until the
     * admission is released (when the request has ended, or was not sent).
     */
    public Admission admit(RequestOrigin origin, ChatRequest request) {
        BudgetCheck personal = checkBudget(origin, request);
        if (!personal.allowsSend() || shared == SharedBudget.NONE) return Admission.of(personal);
        Admission team = shared.admit(estimate(origin, request).high());
        Admission both = team.withWorst(personal);
        if (!both.check().allowsSend()) both.close();
        return both;
    }

    public BudgetSettings budget() { return budgets.load(); }

    public void saveBudget(BudgetSettings settings) { budgets.save(settings); }
}
