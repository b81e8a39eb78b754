package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.ui.settings.ThemeChoice;

/** The start screen's colours are the ones the theme's own stylesheet defines. */
class StartPaletteTest {
    @ParameterizedTest
    @EnumSource(value = ThemeChoice.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    void matchesTheThemesStylesheet(ThemeChoice choice) throws IOException {
        String css = stylesheet(choice);
        StartPalette palette = StartPalette.of(choice, false);

        assertThat(palette.background()).isEqualTo(variable(css, "-color-bg-default"));
        assertThat(palette.text()).isEqualTo(variable(css, "-color-fg-default"));
        assertThat(palette.accent()).isEqualTo(variable(css, "-color-accent-emphasis"));
    }

    @Test
    void theSystemChoiceFollowsTheSystemsLightOrDark() {
        assertThat(StartPalette.of(ThemeChoice.SYSTEM, false)).isEqualTo(StartPalette.of(ThemeChoice.PRIMER_LIGHT, false));
        assertThat(StartPalette.of(ThemeChoice.SYSTEM, true)).isEqualTo(StartPalette.of(ThemeChoice.PRIMER_DARK, true));
    }

    private static String stylesheet(ThemeChoice choice) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(choice.resolve(false).getUserAgentStylesheet())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Color variable(String css, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + ":\\s*([^;]+);").matcher(css);
        assertThat(m.find()).as(name).isTrue();
        return Color.web(m.group(1).strip());
    }
}
