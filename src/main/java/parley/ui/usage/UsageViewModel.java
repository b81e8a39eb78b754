package parley.ui.usage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.ui.UiThread;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.GroupBy;
import parley.usage.Money;
import parley.usage.PriceRow;
import parley.usage.UsageFilter;
import parley.usage.UsageReport;
import parley.usage.UsageScopes;
import parley.usage.UsageService;
import parley.usage.UsageSnapshot;
import parley.usage.UsageTotal;

/**
 * The usage panel's state: the scope (me or the team, when a team workspace is set up), the totals,
 * the grouped table with its filters, the cost chart, the prices and the budget. Reads and writes run
 * on the background executor; results reach the properties through the UI thread seam, the newest
 * read's only.
 */
public final class UsageViewModel {
    public enum State { LOADING, READY, ERROR }

    /** Whose usage is shown. */
    public enum Scope { ME, TEAM }

    private final UsageService service;
    private final UsageScopes scopes;
    private final Executor background;
    private final UiThread ui;
    private final Supplier<String> conversationId;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper conversationText = new ReadOnlyStringWrapper(this, "conversationText", "");
    private final ReadOnlyStringWrapper todayText = new ReadOnlyStringWrapper(this, "todayText", "");
    private final ReadOnlyStringWrapper monthText = new ReadOnlyStringWrapper(this, "monthText", "");
    private final ReadOnlyStringWrapper allTimeText = new ReadOnlyStringWrapper(this, "allTimeText", "");
    private final ReadOnlyObjectWrapper<BudgetCheck> budgetStatus =
            new ReadOnlyObjectWrapper<>(this, "budgetStatus", BudgetCheck.OK);
    private final ReadOnlyObjectWrapper<BudgetSettings> budget =
            new ReadOnlyObjectWrapper<>(this, "budget", BudgetSettings.NONE);
    private final ReadOnlyObjectWrapper<GroupBy> groupBy = new ReadOnlyObjectWrapper<>(this, "groupBy", GroupBy.MODEL);
    private final ReadOnlyObjectWrapper<UsageFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", UsageFilter.ALL);
    private final ObservableList<UsageTotal> groups = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UsageReport.DailyCosts> dailyCosts = new ReadOnlyObjectWrapper<>(this, "dailyCosts");
    private final ObservableList<String> providerChoices = FXCollections.observableArrayList();
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList();
    private final ObservableList<PriceRow> prices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Scope> scope = new ReadOnlyObjectWrapper<>(this, "scope", Scope.ME);
    private final ReadOnlyBooleanWrapper teamAvailable = new ReadOnlyBooleanWrapper(this, "teamAvailable", false);
    private final ReadOnlyStringWrapper offlineText = new ReadOnlyStringWrapper(this, "offlineText", "");
    private final AtomicLong generation = new AtomicLong();

    public UsageViewModel(UsageService service, Executor background, UiThread ui, Supplier<String> conversationId) {
        this(service, UsageScopes.personal(service), background, ui, conversationId);
    }

    /** {@code scopes} says whether a team workspace is set up and reads me or the team; the prices and budget are {@code service}'s. */
    public UsageViewModel(UsageService service, UsageScopes scopes, Executor background, UiThread ui,
                          Supplier<String> conversationId) {
        this.service = service;
        this.scopes = scopes;
        this.background = background;
        this.ui = ui;
        this.conversationId = conversationId;
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty conversationTextProperty() { return conversationText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty todayTextProperty() { return todayText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty monthTextProperty() { return monthText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty allTimeTextProperty() { return allTimeText.getReadOnlyProperty(); }
    /** Where spending stands against the limits: OK or WARNING with its message. */
    public ReadOnlyObjectProperty<BudgetCheck> budgetStatusProperty() { return budgetStatus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BudgetSettings> budgetProperty() { return budget.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GroupBy> groupByProperty() { return groupBy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<UsageFilter> filterProperty() { return filter.getReadOnlyProperty(); }
    public ObservableList<UsageTotal> groups() { return FXCollections.unmodifiableObservableList(groups); }
    public ReadOnlyObjectProperty<UsageReport.DailyCosts> dailyCostsProperty() { return dailyCosts.getReadOnlyProperty(); }
    public ObservableList<String> providerChoices() { return FXCollections.unmodifiableObservableList(providerChoices); }
    public ObservableList<String> modelChoices() { return FXCollections.unmodifiableObservableList(modelChoices); }
    public ObservableList<PriceRow> prices() { return FXCollections.unmodifiableObservableList(prices); }
    /** The last result or refusal, one line ("Saved 12 rows to …", "The input price …"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Scope> scopeProperty() { return scope.getReadOnlyProperty(); }
    /** True when a team workspace is set up: the choice between me and the team is offered. */
    public ReadOnlyBooleanProperty teamAvailableProperty() { return teamAvailable.getReadOnlyProperty(); }
    /** Empty while the figures are fresh; else why they are the last ones read (the team's workspace is away). */
    public ReadOnlyStringProperty offlineTextProperty() { return offlineText.getReadOnlyProperty(); }

    /** Reads everything again from the ledger of the scope. */
    public void refresh() {
        UsageFilter f = filter.get();
        GroupBy by = groupBy.get();
        boolean team = scope.get() == Scope.TEAM;
        String conversation = conversationId.get();
        long asked = generation.incrementAndGet();
        state.set(State.LOADING);
        background.execute(() -> {
            try {
                boolean configured = scopes.teamConfigured();
                UsageSnapshot figures = scopes.reader(configured && team).snapshot(conversation, f, by);
                Snapshot s = new Snapshot(configured, figures, service.prices(), service.budget());
                ui.run(() -> {
                    if (asked == generation.get()) show(s);
                });
            } catch (RuntimeException e) {
                ui.run(() -> {
                    if (asked == generation.get()) fail(e);
                });
            }
        });
    }

    /** Shows my usage or the team's. */
    public void scope(Scope chosen) {
        if (chosen == null || chosen == scope.get()) return;
        scope.set(chosen);
        refresh();
    }

    public void groupBy(GroupBy by) {
        if (by == null || by == groupBy.get()) return;
        groupBy.set(by);
        refresh();
    }

    /** Filters the table and the chart; null or empty values do not filter. */
    public void filter(String provider, String model, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            message.set("The first day " + from + " is after the last day " + to + ": swap them.");
            return;
        }
        filter.set(new UsageFilter(from, to, blankToNull(provider), blankToNull(model), null, null));
        refresh();
    }

    public void exportCsv(Path file) {
        UsageFilter f = filter.get();
        boolean team = scope.get() == Scope.TEAM;
        background.execute(() -> {
            try {
                int rows = scopes.reader(team && scopes.teamConfigured()).exportCsv(f, file);
                ui.run(() -> message.set("Saved " + rows + " request" + (rows == 1 ? "" : "s") + " to " + file + "."));
            } catch (Exception e) {
                ui.run(() -> message.set("Could not save " + file + ": " + e.getMessage()));
            }
        });
    }

    /** Sets the user's own price for a model; refuses bad numbers with a one-line message. */
    public boolean setPrice(String model, String provider, String input, String output, String cached) {
        if (model == null || model.isBlank()) return refuse("Type the model's id, e.g. deepseek-ai/deepseek-v3.2.");
        BigDecimal in = Money.parse(input);
        BigDecimal out = Money.parse(output);
        BigDecimal cache = cached == null || cached.isBlank() ? null : Money.parse(cached);
        if (in == null) return refuse("The input price must be dollars per million tokens, e.g. 0.40.");
        if (out == null) return refuse("The output price must be dollars per million tokens, e.g. 1.20.");
        if (cache == null && cached != null && !cached.isBlank()) {
            return refuse("The cached input price must be dollars per million tokens, or empty.");
        }
        String m = model.strip();
        String p = blankToNull(provider);
        run(() -> service.setUserPrice(p, m, in, out, cache),
                "Price of " + m + " set: " + in.toPlainString() + " / " + out.toPlainString() + " per million tokens.");
        return true;
    }

    public void removePrice(PriceRow row) {
        if (row == null || row.price().source() != parley.usage.PriceSource.USER) {
            refuse("Only your own prices can be removed; the others come from the catalog or the provider.");
            return;
        }
        run(() -> service.removeUserPrice(row.provider(), row.model()), "Your price of " + row.model() + " removed.");
    }

    /** Saves the limits typed as dollars (empty: no limit). */
    public boolean saveBudget(String daily, String monthly, boolean hardStop) {
        BigDecimal d = daily == null || daily.isBlank() ? null : Money.parse(daily);
        BigDecimal m = monthly == null || monthly.isBlank() ? null : Money.parse(monthly);
        if ((d == null && daily != null && !daily.isBlank()) || (d != null && d.signum() == 0)) {
            return refuse("The daily limit must be dollars above zero, e.g. 2.50, or empty for none.");
        }
        if ((m == null && monthly != null && !monthly.isBlank()) || (m != null && m.signum() == 0)) {
            return refuse("The monthly limit must be dollars above zero, e.g. 40, or empty for none.");
        }
        BudgetSettings settings = new BudgetSettings(d, m, hardStop);
        run(() -> service.saveBudget(settings), "Budget saved.");
        return true;
    }

    private void run(Runnable write, String done) {
        background.execute(() -> {
            try {
                write.run();
                ui.run(() -> message.set(done));
                refresh();
            } catch (RuntimeException e) {
                ui.run(() -> message.set(e.getMessage()));
            }
        });
    }

    private boolean refuse(String text) {
        message.set(text);
        return false;
    }

    private void show(Snapshot s) {
        UsageSnapshot f = s.figures;
        conversationText.set(describe(f.overview().conversation()));
        todayText.set(describe(f.overview().today()));
        monthText.set(describe(f.overview().month()));
        allTimeText.set(describe(f.overview().allTime()));
        budgetStatus.set(f.overview().budget());
        groups.setAll(f.groups());
        dailyCosts.set(f.daily());
        providerChoices.setAll(f.providers());
        modelChoices.setAll(f.models());
        teamAvailable.set(s.teamConfigured);
        offlineText.set(f.problem() == null ? "" : "Team offline: these are the last figures read. " + f.problem());
        prices.setAll(s.prices);
        budget.set(s.budget);
        state.set(State.READY);
    }

    private void fail(RuntimeException e) {
        message.set(e.getMessage());
        state.set(State.ERROR);
    }

    /** "$0.0123 · 4 requests · 5,120 tokens", or "price unknown", or "$0.01 + unknown". */
    static String describe(UsageTotal total) {
        if (total.requests() == 0) return "$0.00 · no requests";
        return Money.format(total.cost()) + " · " + total.requests() + " request" + (total.requests() == 1 ? "" : "s")
                + " · " + String.format("%,d", total.tokens().total()) + " tokens";
    }

    /** A model id without its organisation ("deepseek-v3.2" for "deepseek-ai/deepseek-v3.2"), to fit a narrow column. */
    static String shortName(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 || slash == key.length() - 1 ? key : key.substring(slash + 1);
    }

    /** "0.26 / 0.38 (0.13)": input, output and cached input per million tokens. */
    static String amounts(PriceRow r) {
        var p = r.price();
        return p.input().toPlainString() + " / " + p.output().toPlainString()
                + (p.cachedInput() == null ? "" : " (" + p.cachedInput().toPlainString() + ")");
    }

    /** Everything about a price, for its tooltip. */
    static String details(PriceRow r) {
        var p = r.price();
        return r.model() + "\nprovider " + (r.provider().isEmpty() ? "any" : r.provider())
                + "\ninput " + p.input().toPlainString() + ", output " + p.output().toPlainString()
                + ", cached " + (p.cachedInput() == null ? "at the input price" : p.cachedInput().toPlainString())
                + " per million tokens\n" + p.source().label() + ", " + p.asOf()
                + (r.note().isEmpty() ? "" : "\n" + r.note());
    }

    /** 950, 12.3k, 1.05M: token counts that fit a narrow column. */
    static String compact(long n) {
        if (n < 1_000) return Long.toString(n);
        if (n < 1_000_000) return trim(n / 1_000.0) + "k";
        return trim(n / 1_000_000.0) + "M";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Every count of a row, for its tooltip. */
    static String details(UsageTotal t) {
        return t.key() + "\n" + t.requests() + " request" + (t.requests() == 1 ? "" : "s")
                + "\nprompt " + String.format("%,d", t.tokens().prompt()) + " (cached " + String.format("%,d", t.tokens().cached())
                + ")\ncompletion " + String.format("%,d", t.tokens().completion()) + " (reasoning "
                + String.format("%,d", t.tokens().reasoning()) + ")\ncost " + Money.format(t.cost())
                + (t.tokens().estimated() ? "\n≈ some counts are estimates" : "");
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private record Snapshot(boolean teamConfigured, UsageSnapshot figures, List<PriceRow> prices, BudgetSettings budget) {}
}
