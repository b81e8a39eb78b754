package parley.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end-user id set per provider, sent as the request's {@code user} (OpenAI and LiteLLM use it to
 * tell a team's users apart in abuse checks and spend tracking). {@code providerKey} is the provider's
 * id, or {@code custom:} and the base URL for a server added by its URL. Both calls may touch the
 * database: call them off the UI thread.
 */
public interface EndUsers {
    /** The id set for the provider; empty when none is. */
    Optional<String> load(String providerKey);

    /** Sets the id for the provider; blank or null takes it away. */
    void save(String providerKey, String user);

    /** Ids kept in memory for this run only (where no database is open). */
    static EndUsers forThisRun() {
        Map<String, String> kept = new ConcurrentHashMap<>();
        return new EndUsers() {
            @Override
            public Optional<String> load(String providerKey) {
                return Optional.ofNullable(kept.get(providerKey));
            }

            @Override
            public void save(String providerKey, String user) {
                if (user == null || user.isBlank()) {
                    kept.remove(providerKey);
                } else {
                    kept.put(providerKey, user.strip());
                }
            }
        };
    }
}
