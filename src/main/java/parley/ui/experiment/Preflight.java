package parley.ui.experiment;

import java.util.List;
import parley.api.ChatRequest;
import parley.experiment.Cell;
import parley.experiment.CellRequests;
import parley.experiment.Cells;
import parley.experiment.Check;
import parley.experiment.Experiment;
import parley.usage.Budget;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.Cost;
import parley.usage.Money;
import parley.usage.RequestOrigin;
import parley.usage.SendEstimate;
import parley.usage.TokenCounts;
import parley.usage.UsageService;

/**
 * What an experiment will cost before anything is sent: its cells and requests (a judge adds one
 * request a cell), the estimate (prompt tokens counted, each reply at {@link #EXPECTED_REPLY} tokens
 * or its {@code max_tokens} when lower), the worst case (every reply at {@code max_tokens}), and the
 * budget's verdict on the worst case, as it judges a send. Runs off the FX thread (it reads the
 * ledger and the prices).
 */
public record Preflight(int cells, int requests, Cost expected, Cost worst, BudgetCheck budget) {
    /** The reply length the estimate assumes where max_tokens allows it. */
    public static final int EXPECTED_REPLY = 400;

    public static Preflight of(Experiment experiment, UsageService usage) {
        List<Cell> cells = Cells.of(experiment);
        Cost expected = Cost.NONE;
        Cost worst = Cost.NONE;
        for (Cell cell : cells) {
            ChatRequest request = CellRequests.request(experiment, cell);
            RequestOrigin origin = new RequestOrigin(cell.target().provider(), cell.target().baseUrl(), null, null, "experiment");
            SendEstimate estimate = usage.estimate(origin, request);
            int reply = Math.min(EXPECTED_REPLY, estimate.maxTokens());
            expected = expected.plus(usage.tracker().cost(origin, request.model(),
                    new TokenCounts(estimate.promptTokens(), reply, 0, 0, true)));
            worst = worst.plus(estimate.high());
        }
        long judges = experiment.checks().stream().filter(Check.Judge.class::isInstance).count();
        BudgetSettings settings = usage.budget();
        BudgetCheck verdict = settings.any()
                ? Budget.beforeSend(settings, usage.tracker().spentToday(), usage.tracker().spentThisMonth(), worst)
                : BudgetCheck.OK;
        return new Preflight(cells.size(), (int) (cells.size() * (1 + judges)), expected, worst, verdict);
    }

    /** "12 cells · 12 requests · about $0.0040, at most $0.0310 · within the budget". */
    public String summary() {
        String budgetText = budget.message().isEmpty() ? "within the budget" : budget.message();
        return cells + (cells == 1 ? " cell · " : " cells · ") + requests + (requests == 1 ? " request · " : " requests · ")
                + "about " + Money.format(expected) + ", at most " + Money.format(worst) + " · " + budgetText;
    }

    /** True when the window must ask before running (many cells, or the budget asks). */
    public boolean needsConfirmation() {
        return cells > Experiment.CONFIRM_ABOVE || budget.needsConfirmation();
    }
}
