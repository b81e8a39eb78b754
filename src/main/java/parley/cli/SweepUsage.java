package parley.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import parley.experiment.Cell;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEstimate;
import parley.experiment.Pricing;
import parley.store.Database;
import parley.usage.BudgetCheck;
import parley.usage.Cost;
import parley.usage.UsageService;

/**
 * The estimate of a sweep with the prices, the ledger and the budget of the data folder, and the
 * budget's verdict on its worst case. When the database cannot be read, says so and estimates
 * without prices.
 */
record SweepUsage(ExperimentEstimate estimate, BudgetCheck budget) {
    static SweepUsage of(Experiment experiment, List<Cell> cells, Map<String, String> env, PrintStream err) {
        try (Database db = DataHome.open(env, err)) {
            UsageService usage = UsageService.over(db, Clock.systemDefaultZone());
            ExperimentEstimate estimate = ExperimentEstimate.of(experiment, cells, Pricing.over(usage.tracker()));
            return new SweepUsage(estimate, estimate.against(usage.budget(), usage.tracker().spentToday(),
                    usage.tracker().spentThisMonth()));
        } catch (RuntimeException e) {
            err.println("parley: the prices and the budget could not be read (" + Subcommand.oneLine(e)
                    + "); the estimate has no prices");
            return new SweepUsage(ExperimentEstimate.of(experiment, cells, (target, tokens) -> Cost.unknown(true)),
                    BudgetCheck.OK);
        }
    }
}
