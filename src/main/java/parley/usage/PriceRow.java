package parley.usage;

/** A price as listed: for which provider (empty: any) and model, and a note on what is uncertain. */
public record PriceRow(String provider, String model, Price price, String note) {}
