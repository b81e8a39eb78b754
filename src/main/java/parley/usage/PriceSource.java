package parley.usage;

/**
 * Where a price comes from, strongest first: the team's (while connected to a workspace), the user's
 * own, the provider's list, the built-in catalog.
 */
public enum PriceSource {
    TEAM, USER, PROVIDER_LIST, CATALOG, LOCAL;

    public String label() {
        return switch (this) {
            case TEAM -> "team";
            case USER -> "user";
            case PROVIDER_LIST -> "provider list";
            case CATALOG -> "catalog";
            case LOCAL -> "local";
        };
    }
}
