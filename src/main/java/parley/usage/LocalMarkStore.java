package parley.usage;

import java.util.Set;
import java.util.stream.Collectors;
import parley.provider.LocalMarks;
import parley.provider.Locality;
import parley.store.Settings;

/** The custom servers the user marked local, kept in the settings table, one key per base URL. */
public final class LocalMarkStore implements LocalMarks {
    static final String PREFIX = "provider.local_server.";

    private final Settings settings;

    public LocalMarkStore(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Locality load() {
        Set<String> marked = settings.withPrefix(PREFIX).entrySet().stream()
                .filter(e -> "true".equals(e.getValue()))
                .map(e -> e.getKey().substring(PREFIX.length()))
                .collect(Collectors.toSet());
        return new Locality(marked);
    }

    @Override
    public boolean set(String baseUrl, boolean local) {
        String key = PREFIX + Locality.key(baseUrl);
        boolean was = settings.getBoolean(key, false);
        if (local) {
            settings.putBoolean(key, true);
        } else {
            settings.remove(key);
        }
        return was != local;
    }
}
