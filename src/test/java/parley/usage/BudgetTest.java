package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import parley.usage.BudgetCheck.Verdict;

class BudgetTest {
    private static final BudgetSettings ONE_A_DAY = new BudgetSettings(BigDecimal.ONE, new BigDecimal("20"), false);

    private static Cost usd(String amount) { return Cost.of(new BigDecimal(amount), false); }

    @Test
    void noLimitsNoWord() {
        assertThat(Budget.beforeSend(BudgetSettings.NONE, usd("100"), usd("100"), usd("5"))).isEqualTo(BudgetCheck.OK);
    }

    @Test
    void belowEightyPercentAllIsWell() {
        assertThat(Budget.status(ONE_A_DAY, usd("0.79"), usd("0.79")).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void eightyPercentOfTheDailyLimitWarns() {
        BudgetCheck check = Budget.status(ONE_A_DAY, usd("0.80"), usd("0.80"));
        assertThat(check.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check.message()).contains("today").contains("80%").contains("$1.00");
    }

    @Test
    void eightyPercentOfTheMonthlyLimitWarns() {
        BudgetCheck check = Budget.status(ONE_A_DAY, usd("0.10"), usd("16"));
        assertThat(check.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check.message()).contains("this month");
    }

    @Test
    void aSendThatCouldPassTheLimitAsksForConfirmation() {
        BudgetCheck check = Budget.beforeSend(ONE_A_DAY, usd("0.90"), usd("0.90"), usd("0.20"));
        assertThat(check.verdict()).isEqualTo(Verdict.CONFIRM);
        assertThat(check.needsConfirmation()).isTrue();
        assertThat(check.allowsSend()).isTrue();
        assertThat(check.message()).contains("$1.10").contains("$1.00");
    }

    @Test
    void aSendThatFitsIsNotQuestioned() {
        assertThat(Budget.beforeSend(ONE_A_DAY, usd("0.50"), usd("0.50"), usd("0.20")).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void hardStopRefusesTheSend() {
        BudgetSettings hard = new BudgetSettings(BigDecimal.ONE, null, true);
        BudgetCheck check = Budget.beforeSend(hard, usd("0.90"), usd("0.90"), usd("0.20"));
        assertThat(check.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(check.allowsSend()).isFalse();
        assertThat(check.message()).contains("raise the limit or lower max_tokens");
    }

    @Test
    void theMonthlyLimitCountsToo() {
        BudgetCheck check = Budget.beforeSend(ONE_A_DAY, usd("0.10"), usd("19.95"), usd("0.10"));
        assertThat(check.verdict()).isEqualTo(Verdict.CONFIRM);
        assertThat(check.message()).contains("this month");
    }

    @Test
    void anUnknownPriceCannotBeCheckedAndSaysSo() {
        BudgetCheck check = Budget.beforeSend(ONE_A_DAY, usd("0.10"), usd("0.10"), Cost.unknown(true));
        assertThat(check.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check.message()).contains("unknown");
    }

    @Test
    void aFreeLocalModelIsNeverStopped() {
        BudgetCheck check = Budget.beforeSend(ONE_A_DAY, usd("1.50"), usd("1.50"), usd("0"));
        assertThat(check.verdict()).isEqualTo(Verdict.WARNING);
    }
}
