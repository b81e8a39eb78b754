package parley.ui.usage;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import parley.api.ChatRequest;
import parley.ui.UiThread;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.RequestOrigin;
import parley.usage.UsageService;

/**
 * Stands before every send from the window: lets it go, asks the user when the request could pass
 * a budget limit (the user's or, when connected, the team's), or refuses it under a hard stop.
 * {@code confirm} asks the user and answers yes or no; {@code refused} tells the user why the send
 * was refused. The ledger and the workspace are read on {@code background}; the user is asked, and
 * the answer given, through {@code ui}. A request let go keeps its hold on the team's budget until
 * {@link #ended()} says a request has ended.
 */
public final class BudgetGate {
    private final UsageService service;
    private final Predicate<BudgetCheck> confirm;
    private final java.util.function.Consumer<BudgetCheck> refused;
    private final Executor background;
    private final UiThread ui;
    private final Queue<Admission> held = new ConcurrentLinkedQueue<>();

    public BudgetGate(UsageService service, Predicate<BudgetCheck> confirm,
                      java.util.function.Consumer<BudgetCheck> refused, Executor background, UiThread ui) {
        this.service = service;
        this.confirm = confirm;
        this.refused = refused;
        this.background = background;
        this.ui = ui;
    }

    /** Completes with true when the request may be sent, once the ledger has been read (and the user asked). */
    public CompletionStage<Boolean> approve(Supplier<ChatRequest> request, Supplier<RequestOrigin> origin) {
        ChatRequest r = request.get();
        RequestOrigin o = origin.get();
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        background.execute(() -> {
            try {
                Admission admission = service.admit(o, r);
                ui.run(() -> answer.complete(keep(admission, decide(admission.check()))));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** A request of the window ended (its row is on the ledger): gives the oldest hold back. Reaches the network. */
    public void ended() {
        Admission oldest = held.poll();
        if (oldest != null) oldest.close();
    }

    private boolean keep(Admission admission, boolean send) {
        if (send) held.add(admission);
        else background.execute(admission::close);
        return send;
    }

    private boolean decide(BudgetCheck check) {
        return switch (check.verdict()) {
            case OK, WARNING -> true;
            case CONFIRM -> confirm.test(check);
            case BLOCK -> {
                refused.accept(check);
                yield false;
            }
        };
    }
}
