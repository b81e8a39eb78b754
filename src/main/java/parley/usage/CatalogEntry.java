package parley.usage;

/** One model of the built-in price catalog. {@code note} says what is uncertain about it, or is empty. */
public record CatalogEntry(String provider, String model, Price price, Integer contextLength, String note) {}
