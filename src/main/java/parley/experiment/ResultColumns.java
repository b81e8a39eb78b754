package parley.experiment;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import parley.api.ApiError;
import parley.api.Usage;

/** A cell result in the columns of {@code experiment_cells}, and back. */
final class ResultColumns {
    /** The columns after {@code experiment_id}, in the order {@link #bind} sets and {@link #read} reads them. */
    static final String NAMES = "cell, status, content, reasoning, finish_reason, prompt_tokens, completion_tokens,"
            + " total_tokens, reasoning_tokens, cached_tokens, truncated, cost_usd, ttft_ms, duration_ms,"
            + " tokens_per_second, error, verdicts, rating, started_at";

    private ResultColumns() {}

    /** Sets the result's values from parameter {@code first} on. */
    static void bind(PreparedStatement st, int first, CellResult r) throws SQLException {
        int i = first;
        st.setInt(i++, r.cell());
        st.setString(i++, r.status().name());
        st.setString(i++, r.content());
        st.setString(i++, r.reasoning());
        st.setString(i++, r.finishReason());
        Usage u = r.usage();
        setInt(st, i++, u.promptTokens());
        setInt(st, i++, u.completionTokens());
        setInt(st, i++, u.totalTokens());
        setInt(st, i++, u.reasoningTokens());
        setInt(st, i++, u.cachedTokens());
        st.setInt(i++, r.truncated() ? 1 : 0);
        st.setString(i++, r.costUsd() == null ? null : r.costUsd().toPlainString());
        setLong(st, i++, r.ttftMillis());
        st.setLong(i++, r.durationMillis());
        if (r.tokensPerSecond() == null) {
            st.setNull(i++, Types.REAL);
        } else {
            st.setDouble(i++, r.tokensPerSecond());
        }
        st.setString(i++, r.error() == null ? null : ExperimentJson.write(ExperimentJson.COMPACT, r.error()));
        st.setString(i++, r.verdicts().isEmpty() ? null : ExperimentJson.write(ExperimentJson.COMPACT, r.verdicts()));
        setInt(st, i++, r.rating());
        st.setString(i, r.startedAt() == null ? null : r.startedAt().toString());
    }

    /** The result whose columns start at {@code first}. */
    static CellResult read(ResultSet rs, int first) throws SQLException {
        int i = first;
        int cell = rs.getInt(i++);
        CellStatus status = CellStatus.valueOf(rs.getString(i++));
        String content = rs.getString(i++);
        String reasoning = rs.getString(i++);
        String finish = rs.getString(i++);
        Usage usage = new Usage(integer(rs, i++), integer(rs, i++), integer(rs, i++), integer(rs, i++), integer(rs, i++));
        boolean truncated = rs.getInt(i++) != 0;
        String cost = rs.getString(i++);
        Long ttft = longOrNull(rs, i++);
        long duration = rs.getLong(i++);
        double speed = rs.getDouble(i++);
        Double tokensPerSecond = rs.wasNull() ? null : speed;
        String error = rs.getString(i++);
        String verdicts = rs.getString(i++);
        Integer rating = integer(rs, i++);
        String started = rs.getString(i);
        return new CellResult(cell, status, content, reasoning, finish, usage, truncated,
                cost == null ? null : new BigDecimal(cost), ttft, duration, tokensPerSecond,
                error == null ? null : ExperimentJson.readError(error),
                verdicts == null ? List.of() : ExperimentJson.readVerdicts(verdicts), rating,
                started == null ? null : Instant.parse(started));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value);
        }
    }
}
