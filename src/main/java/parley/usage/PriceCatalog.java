package parley.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Published prices of well-known models, each dated with the day its figures were published or seen.
 * Prices drift: a provider's live model list and the user's own prices win over these.
 */
public final class PriceCatalog {
    /** The day this catalog was last reviewed. */
    public static final LocalDate REVIEWED = LocalDate.of(2026, 11, 30);

    private static final LocalDate ATLAS_SEEN = LocalDate.of(2026, 11, 30);
    private static final LocalDate DEEPSEEK_V32 = LocalDate.of(2025, 9, 29);
    private static final LocalDate GPT_4O_MINI = LocalDate.of(2024, 7, 18);
    private static final LocalDate GPT_4O = LocalDate.of(2024, 10, 1);
    private static final LocalDate GPT_41 = LocalDate.of(2025, 4, 14);

    private static final List<CatalogEntry> ENTRIES = List.of(
            entry("atlascloud", "deepseek-ai/deepseek-v3.2-speciale", "0.40", "1.20", null, ATLAS_SEEN, null,
                    "not confirmed on Atlas Cloud's own page"),
            entry("atlascloud", "deepseek-ai/deepseek-v3.2", "0.26", "0.38", "0.13", ATLAS_SEEN, 163_840, ""),
            entry("deepseek", "deepseek-chat", "0.28", "0.42", "0.028", DEEPSEEK_V32, null, ""),
            entry("deepseek", "deepseek-reasoner", "0.28", "0.42", "0.028", DEEPSEEK_V32, null, ""),
            entry("openai", "gpt-4o-mini", "0.15", "0.60", "0.075", GPT_4O_MINI, 128_000, ""),
            entry("openai", "gpt-4o", "2.50", "10.00", "1.25", GPT_4O, 128_000, ""),
            entry("openai", "gpt-4.1", "2.00", "8.00", "0.50", GPT_41, 1_047_576, ""),
            entry("openai", "gpt-4.1-mini", "0.40", "1.60", "0.10", GPT_41, 1_047_576, ""),
            entry("openai", "gpt-4.1-nano", "0.10", "0.40", "0.025", GPT_41, 1_047_576, ""));

    private PriceCatalog() {}

    public static List<CatalogEntry> entries() { return ENTRIES; }

    /** The entry for this provider and model. */
    public static Optional<CatalogEntry> find(String provider, String model) {
        return ENTRIES.stream()
                .filter(e -> e.provider().equals(provider) && e.model().equals(model))
                .findFirst();
    }

    /**
     * The entry for this model when exactly one provider in the catalog serves a model of that name:
     * model names such as {@code deepseek-chat} belong to one provider, so a custom base URL that
     * reaches that provider still gets its price.
     */
    public static Optional<CatalogEntry> findByModel(String model) {
        List<CatalogEntry> matches = ENTRIES.stream().filter(e -> e.model().equals(model)).toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    private static CatalogEntry entry(String provider, String model, String input, String output,
                                      String cached, LocalDate asOf, Integer context, String note) {
        return new CatalogEntry(provider, model, Price.of(input, output, cached, asOf, PriceSource.CATALOG),
                context, note);
    }
}
