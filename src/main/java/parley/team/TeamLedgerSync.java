package parley.team;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import parley.usage.LedgerEntry;
import parley.usage.TokenCounts;

/**
 * Sends the queued ledger rows to the workspace, oldest first, a batch per transaction. A row is
 * taken off the local queue only after the workspace committed it; a row that arrives twice (the
 * connection dropped after the commit, before the queue heard of it) is stored once, by its key.
 */
public final class TeamLedgerSync {
    static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO team_ledger (row_key, member, computer, at_ms, day, provider, "
            + "model, prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, estimated, cost_usd, ttft_ms, "
            + "duration_ms, outcome, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (row_key) DO NOTHING";

    private final Workspace workspace;
    private final TeamOutbox outbox;
    private final String computer;

    public TeamLedgerSync(Workspace workspace, TeamOutbox outbox, String computer) {
        this.workspace = workspace;
        this.outbox = outbox;
        this.computer = computer;
    }

    /** Sends everything queued; returns how many rows were sent. Throws {@link WorkspaceUnavailable} when it cannot. */
    public synchronized int flush() {
        int sent = 0;
        while (true) {
            List<TeamOutbox.Queued> batch = outbox.oldest(BATCH);
            if (batch.isEmpty()) return sent;
            workspace.write(c -> {
                try (PreparedStatement st = c.prepareStatement(INSERT)) {
                    for (TeamOutbox.Queued row : batch) {
                        bind(st, row);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                return null;
            });
            outbox.remove(batch);
            sent += batch.size();
        }
    }

    private void bind(PreparedStatement st, TeamOutbox.Queued row) throws SQLException {
        LedgerEntry e = row.entry();
        TokenCounts t = e.tokens();
        st.setString(1, row.key());
        st.setString(2, row.member());
        st.setString(3, computer);
        st.setLong(4, e.at().toEpochMilli());
        st.setDate(5, Date.valueOf(e.day()));
        st.setString(6, e.provider());
        st.setString(7, e.model());
        st.setLong(8, t.prompt());
        st.setLong(9, t.completion());
        st.setLong(10, t.reasoning());
        st.setLong(11, t.cached());
        st.setBoolean(12, t.estimated());
        BigDecimal cost = e.costUsd();
        if (cost == null) st.setNull(13, Types.NUMERIC); else st.setBigDecimal(13, cost);
        if (e.ttftMillis() == null) st.setNull(14, Types.BIGINT); else st.setLong(14, e.ttftMillis());
        st.setLong(15, e.durationMillis());
        st.setString(16, e.outcome().label());
        st.setString(17, e.origin());
    }
}
