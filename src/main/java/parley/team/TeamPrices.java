package parley.team;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import parley.store.SqlStore;
import parley.usage.Price;
import parley.usage.PriceRow;
import parley.usage.PriceSource;

/**
 * The prices the team set, in the workspace's {@code team_price} table: US dollars per million
 * tokens, for a provider or (provider empty) any provider, with who set them. While a member is
 * connected they win over the member's own prices.
 */
public final class TeamPrices {
    private final SqlStore workspace;
    private final Clock clock;

    public TeamPrices(SqlStore workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Every team price, ordered by model and provider; each row's note says who set it. */
    public List<PriceRow> all() {
        return workspace.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT provider, model, input_usd, "
                    + "output_usd, cached_usd, set_by, at_ms FROM team_price ORDER BY model, provider")) {
                List<PriceRow> rows = new ArrayList<>();
                while (rs.next()) {
                    LocalDate asOf = LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong("at_ms")), clock.getZone());
                    Price price = new Price(rs.getBigDecimal("input_usd"), rs.getBigDecimal("output_usd"),
                            rs.getBigDecimal("cached_usd"), asOf, PriceSource.TEAM);
                    rows.add(new PriceRow(rs.getString("provider"), rs.getString("model"), price,
                            "set by " + rs.getString("set_by")));
                }
                return rows;
            }
        });
    }

    /** Sets the team's price; {@code provider} empty means any provider. */
    public void set(String provider, String model, BigDecimal input, BigDecimal output, BigDecimal cached, String setBy) {
        if (input.signum() < 0 || output.signum() < 0 || cached != null && cached.signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: give dollars per million tokens, e.g. 0.40.");
        }
        long now = clock.millis();
        workspace.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO team_price (provider, model, input_usd, "
                    + "output_usd, cached_usd, set_by, at_ms) VALUES (?,?,?,?,?,?,?) ON CONFLICT (provider, model) DO UPDATE "
                    + "SET input_usd = EXCLUDED.input_usd, output_usd = EXCLUDED.output_usd, cached_usd = EXCLUDED.cached_usd, "
                    + "set_by = EXCLUDED.set_by, at_ms = EXCLUDED.at_ms")) {
                st.setString(1, provider);
                st.setString(2, model);
                st.setBigDecimal(3, input);
                st.setBigDecimal(4, output);
                st.setBigDecimal(5, cached);
                st.setString(6, setBy);
                st.setLong(7, now);
                return st.executeUpdate();
            }
        });
    }

    /** Removes the team's price; true when there was one. */
    public boolean remove(String provider, String model) {
        return workspace.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM team_price WHERE provider = ? AND model = ?")) {
                st.setString(1, provider);
                st.setString(2, model);
                return st.executeUpdate() > 0;
            }
        });
    }
}
