package parley.team;

import java.math.BigDecimal;
import java.time.LocalDate;
import parley.usage.Budget;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.Cost;

/**
 * The team's limits and one member's, with what has been spent against them: everything the verdict
 * on a send needs, whether just read from the workspace or remembered from the last time it answered.
 */
public record TeamBudgetState(BudgetSettings team, BudgetSettings member, TeamSpend spend) {
    public static TeamBudgetState none(LocalDate day) {
        return new TeamBudgetState(BudgetSettings.NONE, BudgetSettings.NONE, TeamSpend.none(day));
    }

    public boolean any() {
        return team.any() || member.any();
    }

    /** The stricter of the team's and the member's verdicts on a request costing up to {@code upper}. */
    public BudgetCheck beforeSend(String memberName, Cost upper) {
        BudgetCheck forTeam = labelled("Team budget: ",
                Budget.beforeSend(team, cost(spend.teamToday()), cost(spend.teamMonth()), upper));
        BudgetCheck forMember = labelled("Team budget of " + memberName + ": ",
                Budget.beforeSend(member, cost(spend.memberToday()), cost(spend.memberMonth()), upper));
        return forTeam.worst(forMember);
    }

    private static BudgetCheck labelled(String label, BudgetCheck check) {
        return check.message().isEmpty() ? check : new BudgetCheck(check.verdict(), label + check.message());
    }

    private static Cost cost(BigDecimal amount) {
        return Cost.of(amount, false);
    }
}
