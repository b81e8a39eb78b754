package parley.ui.usage;

import java.util.function.Predicate;
import java.util.function.Supplier;
import parley.api.ChatRequest;
import parley.usage.BudgetCheck;
import parley.usage.RequestOrigin;
import parley.usage.UsageService;

/**
 * Stands before every send from the window: lets it go, asks the user when the request could pass
 * a budget limit, or refuses it under a hard stop. {@code confirm} asks the user and answers yes or
 * no; {@code refused} tells the user why the send was refused.
 */
public final class BudgetGate {
    private final UsageService service;
    private final Predicate<BudgetCheck> confirm;
    private final java.util.function.Consumer<BudgetCheck> refused;

    public BudgetGate(UsageService service, Predicate<BudgetCheck> confirm,
                      java.util.function.Consumer<BudgetCheck> refused) {
        this.service = service;
        this.confirm = confirm;
        this.refused = refused;
    }

    /** True when the request may be sent. Reads the ledger: quick, but not free. */
    public boolean approve(Supplier<ChatRequest> request, Supplier<RequestOrigin> origin) {
        BudgetCheck check = service.checkBudget(origin.get(), request.get());
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
