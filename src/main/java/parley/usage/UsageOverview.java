package parley.usage;

/** The totals the usage panel shows at the top, and where spending stands against the budget. */
public record UsageOverview(UsageTotal conversation, UsageTotal today, UsageTotal month, UsageTotal allTime,
                            BudgetCheck budget) {}
