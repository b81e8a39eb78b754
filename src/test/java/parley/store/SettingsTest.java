package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void typedValuesSurviveReopening() {
        Path file = dir.resolve("parley.db");
        try (Database db = Database.open(file, Settings.MIGRATIONS)) {
            Settings s = new Settings(db);
            s.putString("provider", "atlascloud");
            s.putInt("max_tokens", 2048);
            s.putString("budget", "12.50");
            s.putBoolean("stream", false);
            s.putString("provider", "deepseek");
        }
        try (Database db = Database.open(file, Settings.MIGRATIONS)) {
            Settings s = new Settings(db);
            assertThat(s.getString("provider")).contains("deepseek");
            assertThat(s.getInt("max_tokens")).contains(2048);
            assertThat(s.getDecimal("budget")).contains(new BigDecimal("12.50"));
            assertThat(s.getBoolean("stream")).contains(false);
        }
    }

    @Test
    void missingOrUnparsableValuesFallBack() {
        try (Database db = Database.open(dir.resolve("parley.db"), Settings.MIGRATIONS)) {
            Settings s = new Settings(db);
            s.putString("max_tokens", "many");
            assertThat(s.getInt("max_tokens", 1024)).isEqualTo(1024);
            assertThat(s.getBoolean("absent", true)).isTrue();
            assertThat(s.getString("absent", "x")).isEqualTo("x");
        }
    }

    @Test
    void putAllIsOneTransactionAndNullRemoves() {
        try (Database db = Database.open(dir.resolve("parley.db"), Settings.MIGRATIONS)) {
            Settings s = new Settings(db);
            s.putString("window.width", "800");
            Map<String, String> batch = new LinkedHashMap<>();
            batch.put("window.width", null);
            batch.put("window.height", "600");
            batch.put("window_x", "1");
            s.putAll(batch);
            assertThat(s.withPrefix("window.")).containsExactly(Map.entry("window.height", "600"));
            s.remove("window.height");
            assertThat(s.getString("window.height")).isEmpty();
        }
    }
}
