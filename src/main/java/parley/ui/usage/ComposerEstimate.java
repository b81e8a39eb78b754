package parley.ui.usage;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.api.ChatRequest;
import parley.ui.UiThread;
import parley.usage.BudgetCheck;
import parley.usage.Cost;
import parley.usage.Money;
import parley.usage.RequestOrigin;
import parley.usage.SendEstimate;
import parley.usage.UsageService;

/**
 * What the request in the composer may cost before it is sent: its prompt tokens and the cost
 * from the prompt alone up to a full max_tokens reply, and the budget's word on it. Call
 * {@link #update} whenever the draft or the settings change; only the latest answer is shown.
 */
public final class ComposerEstimate {
    private final UsageService service;
    private final Executor background;
    private final UiThread ui;
    private final AtomicLong latest = new AtomicLong();
    /** The newest estimate asked for and not started yet. */
    private final AtomicReference<Runnable> next = new AtomicReference<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<BudgetCheck> budget = new ReadOnlyObjectWrapper<>(this, "budget", BudgetCheck.OK);

    public ComposerEstimate(UsageService service, Executor background, UiThread ui) {
        this.service = service;
        this.background = background;
        this.ui = ui;
    }

    /** "≈ 42 prompt tokens · $0.000017 to $0.0012 with a full 1024-token reply". */
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    /** The budget's verdict on sending this request: OK, WARNING, CONFIRM or BLOCK, with its message. */
    public ReadOnlyObjectProperty<BudgetCheck> budgetProperty() { return budget.getReadOnlyProperty(); }

    /**
     * Estimates the request the composer would send now. {@code request} is called off the UI thread.
     * One estimate runs at a time, and only the newest asked for runs next: typing on a slow disk
     * does not queue a read of the ledger per letter ahead of the send's budget check.
     */
    public void update(Supplier<ChatRequest> request, Supplier<RequestOrigin> origin) {
        long ticket = latest.incrementAndGet();
        next.set(() -> estimate(ticket, request, origin));
        if (working.compareAndSet(false, true)) background.execute(this::work);
    }

    private void work() {
        try {
            for (Runnable job; (job = next.getAndSet(null)) != null; ) job.run();
        } finally {
            working.set(false);
            if (next.get() != null && working.compareAndSet(false, true)) background.execute(this::work);
        }
    }

    private void estimate(long ticket, Supplier<ChatRequest> request, Supplier<RequestOrigin> origin) {
        try {
            ChatRequest r = request.get();
            RequestOrigin o = origin.get();
            SendEstimate estimate = service.estimate(o, r);
            BudgetCheck check = service.checkBudget(o, r);
            String line = describe(estimate);
            ui.run(() -> {
                if (ticket != latest.get()) return;
                text.set(line);
                budget.set(check);
            });
        } catch (RuntimeException e) {
            ui.run(() -> {
                if (ticket == latest.get()) text.set("No estimate: " + e.getMessage());
            });
        }
    }

    /** Nothing to estimate (an empty composer): shows nothing, and drops answers still on their way. */
    public void clear() {
        latest.incrementAndGet();
        text.set("");
        budget.set(BudgetCheck.OK);
    }

    static String describe(SendEstimate e) {
        String tokens = "≈ " + String.format("%,d", e.promptTokens()) + " prompt tokens";
        if (e.high().isUnknown()) return tokens + " · " + Money.UNKNOWN;
        return tokens + " · " + amount(e.low()) + " to " + amount(e.high()) + " with a full "
                + String.format("%,d", e.maxTokens()) + "-token reply";
    }

    private static String amount(Cost cost) {
        return Money.format(cost.known());
    }
}
