package parley.team;

import parley.usage.LedgerEntry;

/** A ledger row for tests outside this package. */
public final class TeamWorkspaceTestRows {
    private TeamWorkspaceTestRows() {}

    public static LedgerEntry entry() {
        return TeamWorkspaceTest.entry("m1", "0.010");
    }
}
