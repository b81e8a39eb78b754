package parley.provider;

import java.util.Optional;
import parley.store.Settings;

/** The end-user id per provider, kept in the settings table with the provider's other settings: one key per provider. */
public final class EndUserStore implements EndUsers {
    static final String PREFIX = "provider.user.";

    private final Settings settings;

    public EndUserStore(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> load(String providerKey) {
        return settings.getString(PREFIX + providerKey).filter(user -> !user.isBlank());
    }

    @Override
    public void save(String providerKey, String user) {
        if (user == null || user.isBlank()) {
            settings.remove(PREFIX + providerKey);
        } else {
            settings.putString(PREFIX + providerKey, user.strip());
        }
    }
}
