package parley.experiment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A saved experiment as the list shows it: its cells ({@code cellCount} in all), how many have
 * ended ({@code done}: whole, cut, failed or stopped) and failed, and what they cost ({@code costUsd}
 * sums the cells whose price is known; {@code costUnknownCells} counts the ended ones whose price is not).
 */
public record ExperimentSummary(String id, String name, Instant createdAt, int cellCount, int done, int failed,
                                BigDecimal costUsd, int costUnknownCells) {}
