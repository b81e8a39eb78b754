package parley.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A WHERE clause made of the conditions whose value is given, and the values bound in their order. */
public final class SqlConditions {
    private SqlConditions() {}

    /** Appends {@code AND clause} and keeps {@code value} for its {@code ?}, unless the value is null. */
    public static void and(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value == null) return;
        sql.append(" AND ").append(clause);
        args.add(value);
    }

    /** Binds {@code args} to the statement's parameters in order; returns the statement. */
    public static PreparedStatement bind(PreparedStatement st, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
        return st;
    }
}
