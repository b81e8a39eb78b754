package parley.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public AppState(Settings settings) {
        this.settings = settings;
    }

    public Optional<String> theme() { return settings.getString(THEME); }

    public void setTheme(String name) { settings.putString(THEME, name); }

    public Optional<Integer> fontSize() { return settings.getInt(FONT_SIZE); }

    public void setFontSize(int size) { settings.putInt(FONT_SIZE, size); }

    public Optional<String> provider() { return settings.getString(PROVIDER); }

    public Optional<String> baseUrl() { return settings.getString(BASE_URL); }

    public Optional<String> model() { return settings.getString(MODEL); }

    /** Stores the provider (with its base URL for a custom server, else null) and the model together. */
    public void setProviderAndModel(String provider, String baseUrl, String model) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(PROVIDER, provider);
        entries.put(BASE_URL, baseUrl);
        entries.put(MODEL, model);
        settings.putAll(entries);
    }

    /** The request parameters as the JSON their owner wrote. */
    public Optional<String> parameters() { return settings.getString(PARAMETERS); }

    public void setParameters(String json) { settings.putString(PARAMETERS, json); }

    public Optional<Bounds> window() {
        return settings.getString(WINDOW).flatMap(text -> {
            List<Double> n = numbers(text);
            if (n.size() != 5 || n.get(2) < 100 || n.get(3) < 100) {
                return Optional.empty();
            }
            return Optional.of(new Bounds(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4) != 0));
        });
    }

    public void setWindow(Bounds b) {
        settings.putString(WINDOW, b.x() + "," + b.y() + "," + b.width() + "," + b.height() + ","
                + (b.maximized() ? 1 : 0));
    }

    /** The divider positions (0 to 1) of the split pane named {@code name}; empty when none are stored. */
    public List<Double> dividers(String name) {
        List<Double> positions = settings.getString(DIVIDERS + name).map(AppState::numbers).orElse(List.of());
        return positions.stream().allMatch(p -> p >= 0 && p <= 1) ? positions : List.of();
    }

    public void setDividers(String name, List<Double> positions) {
        settings.putString(DIVIDERS + name, String.join(",", positions.stream().map(String::valueOf).toList()));
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
