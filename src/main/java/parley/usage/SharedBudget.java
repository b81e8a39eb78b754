package parley.usage;

/**
 * A budget shared with others (a team's), checked and held in one step, so that requests sent at
 * the same time from many places cannot all pass the same remaining amount. May reach the network.
 */
@FunctionalInterface
public interface SharedBudget {
    /** The verdict on a request costing up to {@code upper}; unless refused, that amount is held until released. */
    Admission admit(Cost upper);

    /** No shared budget. */
    SharedBudget NONE = upper -> Admission.of(BudgetCheck.OK);
}
