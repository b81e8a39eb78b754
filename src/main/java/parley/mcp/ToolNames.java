package parley.mcp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names tools for the request: {@code server__tool}, within the API's {@code ^[a-zA-Z0-9_-]{1,64}$}.
 * Other letters become {@code _}; a name cut to 64 or made equal to another by that gets a number.
 */
final class ToolNames {
    static final int MAX = 64;

    private ToolNames() {}

    /** The request names of {@code tools} (in order), unique among themselves. */
    static Map<String, String> unique(String server, List<String> tools) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String tool : tools) {
            String base = clean(server + "__" + tool);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
            }
            names.put(tool, name);
        }
        return names;
    }

    private static String clean(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() <= MAX ? cleaned : cleaned.substring(0, MAX);
    }
}
