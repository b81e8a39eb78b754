package parley.ui.usage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import parley.api.ChatRequest;
import parley.ui.UiThread;
import parley.usage.BudgetCheck;
import parley.usage.RequestOrigin;
import parley.usage.UsageService;

/**
 * Stands before every send from the window: lets it go, asks the user when the request could pass
 * a budget limit, or refuses it under a hard stop. {@code confirm} asks the user and answers yes or
 * no; {@code refused} tells the user why the send was refused. The ledger is read on
 * {@code background}; the user is asked, and the answer given, through {@code ui}.
 */
public final class BudgetGate {
    private final UsageService service;
    private final Predicate<BudgetCheck> confirm;
    private final java.util.function.Consumer<BudgetCheck> refused;
    private final Executor background;
    private final UiThread ui;

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
                BudgetCheck check = service.checkBudget(o, r);
                ui.run(() -> answer.complete(decide(check)));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
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
