package parley.experiment;

import java.math.BigDecimal;

/**
 * One check's verdict on one reply: passed or not, why (a short text), the judge's score (1–5, null
 * for other checks) and what judging cost (null when the judge's price is unknown or for other checks).
 */
public record Verdict(int check, boolean passed, String detail, Integer score, BigDecimal judgeCostUsd) {}
