package parley.usage;

/** Where a price comes from, strongest first: the user's own, the provider's list, the built-in catalog. */
public enum PriceSource {
    USER, PROVIDER_LIST, CATALOG, LOCAL;

    public String label() {
        return switch (this) {
            case USER -> "user";
            case PROVIDER_LIST -> "provider list";
            case CATALOG -> "catalog";
            case LOCAL -> "local";
        };
    }
}
