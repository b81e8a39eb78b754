package parley.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.store.Database;

/**
 * Prices kept in the {@code model_price} table: the user's own and those read from providers' model
 * lists. An empty provider means the price applies to the model at any provider.
 */
public final class PriceStore {
    public static final String ANY_PROVIDER = "";

    private final Database database;

    public PriceStore(Database database) {
        this.database = database;
    }

    public void put(String provider, String model, Price price) {
        putAll(provider, List.of(new PriceRow(provider, model, price, "")));
    }

    /** Stores every row in one transaction. */
    public void putAll(String provider, List<PriceRow> rows) {
        String sql = "INSERT OR REPLACE INTO model_price (provider, model, source, input_usd, output_usd, "
                + "cached_usd, as_of) VALUES (?,?,?,?,?,?,?)";
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (PriceRow row : rows) {
                    Price price = row.price();
                    st.setString(1, provider);
                    st.setString(2, row.model());
                    st.setString(3, price.source().name());
                    st.setString(4, price.input().toPlainString());
                    st.setString(5, price.output().toPlainString());
                    if (price.cachedInput() == null) st.setNull(6, Types.VARCHAR);
                    else st.setString(6, price.cachedInput().toPlainString());
                    st.setString(7, price.asOf().toString());
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Removes a price; true when there was one. */
    public boolean remove(String provider, String model, PriceSource source) {
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM model_price WHERE provider = ? AND model = ? AND source = ?")) {
                st.setString(1, provider);
                st.setString(2, model);
                st.setString(3, source.name());
                return st.executeUpdate() > 0;
            }
        });
    }

    public Optional<Price> find(String provider, String model, PriceSource source) {
        return query("WHERE provider = ? AND model = ? AND source = ?", provider, model, source.name())
                .stream().map(PriceRow::price).findFirst();
    }

    /** Every stored price, ordered by provider and model. */
    public List<PriceRow> all() {
        return query("");
    }

    private List<PriceRow> query(String where, String... args) {
        String sql = "SELECT provider, model, source, input_usd, output_usd, cached_usd, as_of FROM model_price "
                + where + " ORDER BY provider, model, source";
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) st.setString(i + 1, args[i]);
                try (ResultSet rs = st.executeQuery()) {
                    List<PriceRow> rows = new ArrayList<>();
                    while (rs.next()) rows.add(read(rs));
                    return rows;
                }
            }
        });
    }

    private static PriceRow read(ResultSet rs) throws SQLException {
        String cached = rs.getString("cached_usd");
        Price price = new Price(new BigDecimal(rs.getString("input_usd")), new BigDecimal(rs.getString("output_usd")),
                cached == null ? null : new BigDecimal(cached), LocalDate.parse(rs.getString("as_of")),
                PriceSource.valueOf(rs.getString("source")));
        return new PriceRow(rs.getString("provider"), rs.getString("model"), price, "");
    }
}
