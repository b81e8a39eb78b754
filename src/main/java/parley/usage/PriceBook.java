package parley.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.provider.LocalMarks;
import parley.provider.Locality;
import parley.provider.ModelInfo;
import parley.provider.Providers;

/**
 * Finds the price of a model. A price the team set wins while connected to a workspace ({@link
 * SharedPrices}, held in memory); then the user's own price (for this provider, then for any provider);
 * a model served on this computer ({@link Locality}: a built-in local profile or a custom server the
 * user marked local) costs nothing; then the provider's live model list; then the built-in catalog.
 * No price found means the price is unknown, never zero: a custom server on loopback may be a proxy
 * to a paid provider, and a LiteLLM proxy is one: its models have only the prices the user sets.
 */
public final class PriceBook {
    private final PriceStore store;
    private final LocalMarks marks;
    private final Clock clock;
    private final SharedPrices team;

    public PriceBook(PriceStore store, LocalMarks marks, Clock clock) {
        this(store, marks, clock, SharedPrices.NONE);
    }

    public PriceBook(PriceStore store, LocalMarks marks, Clock clock, SharedPrices team) {
        this.store = store;
        this.marks = marks;
        this.clock = clock;
        this.team = team;
    }

    /** {@code baseUrl} is null for a built-in provider and names the server for a custom one. */
    public Optional<Price> priceFor(String provider, String baseUrl, String model) {
        Optional<Price> shared = team.find(provider, model).or(() -> team.find(PriceStore.ANY_PROVIDER, model));
        if (shared.isPresent()) return shared;
        Optional<Price> user = store.find(provider, model, PriceSource.USER)
                .or(() -> store.find(PriceStore.ANY_PROVIDER, model, PriceSource.USER));
        if (user.isPresent()) return user;
        if (marks.load().isLocal(provider, baseUrl)) return Optional.of(Price.free(today()));
        if (Providers.forwardsToPaidProviders(provider)) return Optional.empty();
        return store.find(provider, model, PriceSource.PROVIDER_LIST)
                .or(() -> PriceCatalog.find(provider, model).map(CatalogEntry::price))
                .or(() -> PriceCatalog.findByModel(model).map(CatalogEntry::price));
    }

    /** The local rule with the user's current marks. */
    public Locality locality() {
        return marks.load();
    }

    /** Marks the custom server at {@code baseUrl} local (its models free) or takes the mark away; true when that changed anything. */
    public boolean markLocal(String baseUrl, boolean local) {
        return marks.set(baseUrl, local);
    }

    /** Sets the user's own price; {@code provider} null or empty means any provider. */
    public Price setUserPrice(String provider, String model, BigDecimal input, BigDecimal output, BigDecimal cached) {
        Price price = new Price(input, output, cached, today(), PriceSource.USER);
        store.put(provider == null ? PriceStore.ANY_PROVIDER : provider, model, price);
        return price;
    }

    public boolean removeUserPrice(String provider, String model) {
        return store.remove(provider == null ? PriceStore.ANY_PROVIDER : provider, model, PriceSource.USER);
    }

    /** Keeps the prices a provider's model list carries; models without both prices are skipped. Returns how many. */
    public int refreshFrom(String provider, List<ModelInfo> models) {
        List<PriceRow> rows = new ArrayList<>();
        for (ModelInfo m : models) {
            if (m.inputPrice() == null || m.outputPrice() == null) continue;
            if (m.inputPrice().signum() < 0 || m.outputPrice().signum() < 0) continue;
            BigDecimal cached = m.cachedInputPrice() != null && m.cachedInputPrice().signum() >= 0 ? m.cachedInputPrice() : null;
            rows.add(new PriceRow(provider, m.id(), new Price(m.inputPrice(), m.outputPrice(), cached, today(),
                    PriceSource.PROVIDER_LIST), ""));
        }
        store.putAll(provider, rows);
        return rows.size();
    }

    /** Every known price: the team's first, then the stored ones (user, then provider lists), then the catalog. */
    public List<PriceRow> list() {
        List<PriceRow> rows = new ArrayList<>(team.all());
        rows.addAll(store.all().stream()
                .sorted((a, b) -> a.price().source().compareTo(b.price().source())).toList());
        for (CatalogEntry e : PriceCatalog.entries()) rows.add(new PriceRow(e.provider(), e.model(), e.price(), e.note()));
        return rows;
    }

    private LocalDate today() { return LocalDate.now(clock); }
}
