package parley.usage;

/**
 * Whose usage the panel reads: "me" or the team. Without a team workspace there is one scope, the
 * personal ledger. Every call may reach the disk or the network: call it off the UI thread.
 */
public interface UsageScopes {
    /** True when a team workspace is set up, so the choice between me and the team is offered. */
    boolean teamConfigured();

    /** The ledger of the team ({@code team} true) or of me. */
    UsageReader reader(boolean team);

    /** The personal ledger alone, with no team. */
    static UsageScopes personal(UsageReader ledger) {
        return new UsageScopes() {
            @Override
            public boolean teamConfigured() { return false; }

            @Override
            public UsageReader reader(boolean team) { return ledger; }
        };
    }
}
