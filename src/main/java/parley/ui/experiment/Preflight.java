package parley.ui.experiment;

import parley.experiment.Cells;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEstimate;
import parley.experiment.Pricing;
import parley.usage.BudgetCheck;
import parley.usage.Money;
import parley.usage.UsageService;

/**
 * What an experiment will cost before anything is sent, as the form shows it: the service's
 * estimate (cells, requests, expected and worst-case cost) and the budget's verdict on the worst
 * case, as it judges a send. Worked out off the FX thread (it reads the ledger and the prices).
 */
public record Preflight(ExperimentEstimate estimate, BudgetCheck budget) {
    public static Preflight of(Experiment experiment, UsageService usage) {
        ExperimentEstimate estimate = ExperimentEstimate.of(experiment, Cells.of(experiment), Pricing.over(usage.tracker()));
        return new Preflight(estimate, estimate.against(usage.budget(), usage.tracker().spentToday(),
                usage.tracker().spentThisMonth()));
    }

    /** "12 cells · 12 requests · about $0.0040, at most $0.0310 · within the budget". */
    public String summary() {
        int cells = estimate.cells();
        int requests = estimate.requests();
        String unknown = estimate.unknownPriceCells() == 0 ? ""
                : " (" + estimate.unknownPriceCells() + " cells at an unknown price)";
        String budgetText = budget.message().isEmpty() ? "within the budget" : budget.message();
        return cells + (cells == 1 ? " cell · " : " cells · ") + requests + (requests == 1 ? " request · " : " requests · ")
                + "about " + Money.format(estimate.expected()) + ", at most " + Money.format(estimate.worst()) + unknown
                + " · " + budgetText;
    }

    /** True when the window must ask before running (many cells, or the budget asks). */
    public boolean needsConfirmation() {
        return estimate.needsConfirmation() || budget.needsConfirmation();
    }

    /** True when the budget refuses the run (a hard stop that the worst case passes). */
    public boolean blocked() {
        return !budget.allowsSend();
    }
}
