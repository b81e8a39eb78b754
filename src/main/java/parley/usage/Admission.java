package parley.usage;

/**
 * A budget's verdict on one request and the hold it took on the budget for it: {@link #release()}
 * gives the held amount back once the request has ended (or was not sent). Releasing twice is harmless.
 */
public record Admission(BudgetCheck check, Runnable release) implements AutoCloseable {
    /** A verdict that holds nothing. */
    public static Admission of(BudgetCheck check) {
        return new Admission(check, () -> { });
    }

    @Override
    public void close() {
        release.run();
    }

    /** This admission's hold with the more severe of the two verdicts; both messages when they are as severe. */
    public Admission withWorst(BudgetCheck other) {
        if (other.verdict() == check.verdict() && !other.message().isEmpty() && !check.message().isEmpty()) {
            return new Admission(new BudgetCheck(check.verdict(), other.message() + " " + check.message()), release);
        }
        return new Admission(check.worst(other), release);
    }
}
