package parley.ui;

import javafx.scene.paint.Color;
import parley.ui.settings.ThemeChoice;

/**
 * The colours of the start screen, the same as the chosen AtlantaFX theme's -color-bg-default,
 * -color-fg-default and -color-accent-emphasis, so the window does not change colour when the
 * built views replace it. Kept as values because the theme's stylesheet is parsed only after the
 * first frame.
 */
record StartPalette(Color background, Color text, Color accent) {
    static StartPalette of(ThemeChoice choice, boolean systemDark) {
        return switch (choice) {
            case SYSTEM -> of(systemDark ? ThemeChoice.PRIMER_DARK : ThemeChoice.PRIMER_LIGHT, systemDark);
            case PRIMER_LIGHT -> palette(0xffffff, 0x24292f, 0x0969da);
            case PRIMER_DARK -> palette(0x0d1117, 0xc9d1d9, 0x1f6feb);
            case NORD_LIGHT -> palette(0xfafafc, 0x2e3440, 0x476283);
            case NORD_DARK -> palette(0x2e3440, 0xeceff4, 0x5e81ac);
            case CUPERTINO_LIGHT -> palette(0xffffff, 0x000000, 0x007aff);
            case CUPERTINO_DARK -> palette(0x1c1c1e, 0xffffff, 0x0a84ff);
            case DRACULA -> palette(0x282a36, 0xf8f8f2, 0x9580ff);
        };
    }

    private static StartPalette palette(int background, int text, int accent) {
        return new StartPalette(rgb(background), rgb(text), rgb(accent));
    }

    private static Color rgb(int hex) {
        return Color.rgb(hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff);
    }
}
