package parley.team;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** What the team and one member have spent (or hold for requests under way) on {@code day} and in its month. */
public record TeamSpend(LocalDate day, BigDecimal teamToday, BigDecimal teamMonth, BigDecimal memberToday,
                        BigDecimal memberMonth) {
    public static TeamSpend none(LocalDate day) {
        return new TeamSpend(day, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The member's own spending added to the team's and the member's figures. */
    public TeamSpend plusOwn(BigDecimal today, BigDecimal month) {
        return new TeamSpend(day, teamToday.add(today), teamMonth.add(month), memberToday.add(today),
                memberMonth.add(month));
    }

    /** These figures seen from {@code other}: a later day starts at zero today, a later month at zero for the month. */
    public TeamSpend on(LocalDate other) {
        if (other.equals(day)) return this;
        boolean sameMonth = YearMonth.from(other).equals(YearMonth.from(day));
        return new TeamSpend(other, BigDecimal.ZERO, sameMonth ? teamMonth : BigDecimal.ZERO, BigDecimal.ZERO,
                sameMonth ? memberMonth : BigDecimal.ZERO);
    }
}
