package parley.usage;

/** A ledger row of a team's ledger, with the member who sent it. */
public record MemberEntry(String member, LedgerEntry entry) {}
