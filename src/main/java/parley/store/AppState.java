package parley.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the window restores at start, kept in the settings table: theme, font size, the last
 * provider and model, the request parameters, the window's bounds and its panels' divider positions.
 * A value that does not read back (edited by hand, damaged) is treated as absent.
 */
public final class AppState {
    static final String THEME = "ui.theme";
    static final String FONT_SIZE = "ui.font_size";
    static final String PROVIDER = "chat.provider";
    static final String BASE_URL = "chat.base_url";
    static final String MODEL = "chat.model";
    static final String PARAMETERS = "chat.parameters";
    static final String WINDOW = "ui.window";
    static final String DIVIDERS = "ui.dividers.";

    /** The window's place and size; {@code maximized} wins over the numbers when true. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {}

    private final Settings settings;
    /** What was read ahead, kept in step with every write; null when each read goes to the database. */
    private final Map<String, String> readAhead;

    /** Reads each value from the database when asked. */
    public AppState(Settings settings) {
        this(settings, null);
    }

    private AppState(Settings settings, Map<String, String> readAhead) {
        this.settings = settings;
        this.readAhead = readAhead;
    }

    /**
     * Reads every value now (off the JavaFX thread, before the window is built), so the window can
     * be put as it was left while it is built, without asking the database on the JavaFX thread.
     * Writes still go to the database.
     */
    public static AppState readAhead(Settings settings) {
        Map<String, String> values = new ConcurrentHashMap<>();
        for (String prefix : List.of("ui.", "chat.")) {
            settings.withPrefix(prefix).forEach((key, value) -> {
                if (value != null) values.put(key, value);
            });
        }
        return new AppState(settings, values);
    }

    /** True when the values were read ahead: reading them touches no database. */
    public boolean isReadAhead() {
        return readAhead != null;
    }

    private Optional<String> get(String key) {
        return readAhead == null ? settings.getString(key) : Optional.ofNullable(readAhead.get(key));
    }

    private void put(String key, String value) {
        settings.putString(key, value);
        if (readAhead == null) return;
        if (value == null) readAhead.remove(key);
        else readAhead.put(key, value);
    }

    public Optional<String> theme() { return get(THEME); }

    public void setTheme(String name) { put(THEME, name); }

    public Optional<Integer> fontSize() {
        return get(FONT_SIZE).flatMap(v -> {
            try {
                return Optional.of(Integer.valueOf(v.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public void setFontSize(int size) { put(FONT_SIZE, Integer.toString(size)); }

    public Optional<String> provider() { return get(PROVIDER); }

    public Optional<String> baseUrl() { return get(BASE_URL); }

    public Optional<String> model() { return get(MODEL); }

    /** Stores the provider (with its base URL for a custom server, else null) and the model together. */
    public void setProviderAndModel(String provider, String baseUrl, String model) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(PROVIDER, provider);
        entries.put(BASE_URL, baseUrl);
        entries.put(MODEL, model);
        settings.putAll(entries);
        if (readAhead != null) {
            entries.forEach((key, value) -> {
                if (value == null) readAhead.remove(key);
                else readAhead.put(key, value);
            });
        }
    }

    /** The request parameters as the JSON their owner wrote. */
    public Optional<String> parameters() { return get(PARAMETERS); }

    public void setParameters(String json) { put(PARAMETERS, json); }

    public Optional<Bounds> window() {
        return get(WINDOW).flatMap(text -> {
            List<Double> n = numbers(text);
            if (n.size() != 5 || n.get(2) < 100 || n.get(3) < 100) {
                return Optional.empty();
            }
            return Optional.of(new Bounds(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4) != 0));
        });
    }

    public void setWindow(Bounds b) {
        put(WINDOW, b.x() + "," + b.y() + "," + b.width() + "," + b.height() + ","
                + (b.maximized() ? 1 : 0));
    }

    /** The divider positions (0 to 1) of the split pane named {@code name}; empty when none are stored. */
    public List<Double> dividers(String name) {
        List<Double> positions = get(DIVIDERS + name).map(AppState::numbers).orElse(List.of());
        return positions.stream().allMatch(p -> p >= 0 && p <= 1) ? positions : List.of();
    }

    public void setDividers(String name, List<Double> positions) {
        put(DIVIDERS + name, String.join(",", positions.stream().map(String::valueOf).toList()));
    }

    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double value = Double.parseDouble(part.strip());
                if (!Double.isFinite(value)) {
                    return List.of();
                }
                out.add(value);
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return out;
    }
}
