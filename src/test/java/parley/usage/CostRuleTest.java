package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import parley.api.Usage;

class CostRuleTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    private static final Price DEEPSEEK = Price.of("0.28", "0.42", "0.028", DAY, PriceSource.CATALOG);
    private static final Price SPECIALE = Price.of("0.40", "1.20", null, DAY, PriceSource.CATALOG);

    @Test
    void cachedPromptTokensArePricedAtTheCachedRateAndReasoningIsNotAddedTwice() {
        // 1000 prompt of which 600 cached; 500 completion of which 300 reasoning.
        TokenCounts tokens = TokenCounts.reported(new Usage(1000, 500, 1500, 300, 600));
        // 400 * 0.28 + 600 * 0.028 + 500 * 0.42 = 112 + 16.8 + 210 = 338.8 per million
        assertThat(CostRule.dollars(DEEPSEEK, tokens)).isEqualByComparingTo("0.0003388");
    }

    @Test
    void withoutACachedRateCachedTokensCostTheInputPrice() {
        TokenCounts tokens = new TokenCounts(1000, 500, 300, 600, false);
        // 1000 * 0.40 + 500 * 1.20 = 400 + 600 = 1000 per million
        assertThat(CostRule.dollars(SPECIALE, tokens)).isEqualByComparingTo("0.001");
    }

    @Test
    void reasoningTokensOnlyChangeNothing() {
        TokenCounts plain = new TokenCounts(100, 200, 0, 0, false);
        TokenCounts reasoning = new TokenCounts(100, 200, 150, 0, false);
        assertThat(CostRule.dollars(SPECIALE, reasoning)).isEqualByComparingTo(CostRule.dollars(SPECIALE, plain));
    }

    @Test
    void moneyIsExactForAMillionRequestsOfOneToken() {
        BigDecimal sum = BigDecimal.ZERO;
        TokenCounts one = new TokenCounts(1, 0, 0, 0, false);
        for (int i = 0; i < 1_000_000; i++) sum = sum.add(CostRule.dollars(DEEPSEEK, one));
        assertThat(sum).isEqualByComparingTo("0.28");
    }

    @Test
    void noPriceIsUnknownNotZero() {
        Cost cost = CostRule.cost(null, new TokenCounts(10, 10, 0, 0, false));
        assertThat(cost.isUnknown()).isTrue();
        assertThat(cost.amountOrNull()).isNull();
        assertThat(Money.format(cost)).isEqualTo("price unknown");
    }

    @Test
    void estimatedCountsMakeAnEstimatedCost() {
        Cost cost = CostRule.cost(SPECIALE, new TokenCounts(1000, 0, 0, 0, true));
        assertThat(cost.estimated()).isTrue();
        assertThat(Money.format(cost)).isEqualTo("≈ $0.000400");
    }

    @Test
    void anUnknownPartStaysVisibleInEverySum() {
        Cost total = Cost.of(new BigDecimal("0.50"), false).plus(Cost.unknown(false)).plus(Cost.of(BigDecimal.ONE, false));
        assertThat(total.isComplete()).isFalse();
        assertThat(total.isUnknown()).isFalse();
        assertThat(total.known()).isEqualByComparingTo("1.50");
        assertThat(total.amountOrNull()).isNull();
        assertThat(Money.format(total)).isEqualTo("$1.50 + unknown");
    }

    @Test
    void moneyFormatting() {
        assertThat(Money.format(new BigDecimal("12.345"))).isEqualTo("$12.35");
        assertThat(Money.format(new BigDecimal("0.0123"))).isEqualTo("$0.0123");
        assertThat(Money.format(new BigDecimal("0.0003388"))).isEqualTo("$0.000339");
        assertThat(Money.format(BigDecimal.ZERO)).isEqualTo("$0.00");
        assertThat(Money.format(new BigDecimal("0.0000001"))).isEqualTo("<$0.000001");
        assertThat(Money.parse("$0.40")).isEqualByComparingTo("0.40");
        assertThat(Money.parse("-1")).isNull();
        assertThat(Money.parse("abc")).isNull();
    }
}
