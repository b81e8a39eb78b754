package parley.usage;

/** The budget's word on a send, with a one-line message for the user (empty when all is well). */
public record BudgetCheck(Verdict verdict, String message) {
    public static final BudgetCheck OK = new BudgetCheck(Verdict.OK, "");

    /** From least to most severe. */
    public enum Verdict { OK, WARNING, CONFIRM, BLOCK }

    public boolean allowsSend() { return verdict != Verdict.BLOCK; }

    public boolean needsConfirmation() { return verdict == Verdict.CONFIRM; }

    /** The more severe of the two; this one when they are as severe. */
    public BudgetCheck worst(BudgetCheck other) {
        return other.verdict.compareTo(verdict) > 0 ? other : this;
    }
}
