package parley.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys kept in memory for this run only. */
public final class SessionSecrets implements SecretStore {
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final String description;

    public SessionSecrets(String description) {
        this.description = description;
    }

    @Override
    public Optional<String> get(String providerId) {
        return Optional.ofNullable(keys.get(providerId));
    }

    @Override
    public void put(String providerId, String key) {
        keys.put(providerId, key);
    }

    @Override
    public void forget(String providerId) {
        keys.remove(providerId);
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String description() {
        return description;
    }
}
