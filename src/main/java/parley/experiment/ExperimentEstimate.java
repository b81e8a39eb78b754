package parley.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.usage.Budget;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.Cost;
import parley.usage.TokenCounts;
import parley.usage.TokenEstimator;

/**
 * What an experiment may cost before it is sent: its cells, its requests (cells and judge requests),
 * the prompt tokens (counted here, so estimated), the {@code expected} cost with each reply at its
 * expected length and the {@code worst} with each at {@code max_tokens}. A reply's expected length is
 * the median of the model's latest answered requests on the ledger ({@link Pricing#typicalReply}), else
 * {@link #DEFAULT_REPLY} tokens, never above {@code max_tokens}; with {@code n} choices, n times that.
 * A judge is estimated at the cell's prompt, the rubric and the reply as its prompt and
 * {@link #JUDGE_REPLY} tokens of answer. {@code unknownPriceCells} counts the cells whose model's price is unknown.
 */
public record ExperimentEstimate(int cells, int requests, long promptTokens, Cost expected, Cost worst,
                                 int unknownPriceCells) {
    public static final int DEFAULT_REPLY = 256;
    public static final int JUDGE_REPLY = 40;

    public static ExperimentEstimate of(Experiment experiment, List<Cell> cells, Pricing pricing) {
        TokenEstimator tokens = new TokenEstimator();
        Map<List<ChatMessage>, Long> promptCounts = new HashMap<>();
        Map<Target, Integer> typical = new HashMap<>();
        List<Check.Judge> judges = experiment.checks().stream()
                .filter(Check.Judge.class::isInstance).map(Check.Judge.class::cast).toList();
        long prompt = 0;
        Cost expected = Cost.NONE;
        Cost worst = Cost.NONE;
        int unknown = 0;
        for (Cell cell : cells) {
            ChatRequest request = CellRequests.request(experiment, cell);
            long promptTokens = promptCounts.computeIfAbsent(request.messages(), m -> (long) tokens.countPrompt(m));
            int choices = request.extended().n() == null ? 1 : request.extended().n();
            int max = request.maxTokens() != null ? request.maxTokens() : ChatRequest.DEFAULT_MAX_TOKENS;
            Integer usual = typical.computeIfAbsent(cell.target(), pricing::typicalReply);
            int likely = Math.min(max, usual == null ? DEFAULT_REPLY : usual);
            prompt += promptTokens;
            expected = expected.plus(pricing.cost(cell.target(), new TokenCounts(promptTokens, (long) likely * choices, 0, 0, true)));
            Cost cellWorst = pricing.cost(cell.target(), new TokenCounts(promptTokens, (long) max * choices, 0, 0, true));
            worst = worst.plus(cellWorst);
            unknown += cellWorst.isComplete() ? 0 : 1;
            for (Check.Judge judge : judges) {
                long judgePrompt = promptTokens + tokens.count(judge.rubric()) + tokens.count(JudgePrompt.SYSTEM);
                expected = expected.plus(pricing.cost(judge.judge(),
                        new TokenCounts(judgePrompt + likely, JUDGE_REPLY, 0, 0, true)));
                worst = worst.plus(pricing.cost(judge.judge(),
                        new TokenCounts(judgePrompt + max, JUDGE_REPLY, 0, 0, true)));
            }
        }
        return new ExperimentEstimate(cells.size(), cells.size() * (1 + judges.size()), prompt, expected, worst, unknown);
    }

    /** The budget's verdict on running it now, taken on the worst case, as a send's is on its max_tokens. */
    public BudgetCheck against(BudgetSettings budget, Cost spentToday, Cost spentThisMonth) {
        return budget.any() ? Budget.beforeSend(budget, spentToday, spentThisMonth, worst) : BudgetCheck.OK;
    }

    /** Over {@link Experiment#CONFIRM_ABOVE} cells the user confirms first. */
    public boolean needsConfirmation() { return cells > Experiment.CONFIRM_ABOVE; }
}
