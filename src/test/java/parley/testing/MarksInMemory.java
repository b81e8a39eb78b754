package parley.testing;

import java.util.HashSet;
import java.util.Set;
import parley.provider.LocalMarks;
import parley.provider.Locality;

/** Local marks kept in memory, for view-model tests that need no database. */
public final class MarksInMemory implements LocalMarks {
    private final Set<String> marked = new HashSet<>();

    @Override
    public synchronized Locality load() {
        return new Locality(marked);
    }

    @Override
    public synchronized boolean set(String baseUrl, boolean local) {
        String key = Locality.key(baseUrl);
        return local ? marked.add(key) : marked.remove(key);
    }
}
