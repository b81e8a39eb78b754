package parley.ui.settings;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.Dracula;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Locale;
import java.util.Optional;

/** The themes the window offers. {@link #SYSTEM} follows the system's light or dark setting. */
public enum ThemeChoice {
    SYSTEM("Follow the system", null),
    PRIMER_LIGHT("Primer Light", new PrimerLight()),
    PRIMER_DARK("Primer Dark", new PrimerDark()),
    NORD_LIGHT("Nord Light", new NordLight()),
    NORD_DARK("Nord Dark", new NordDark()),
    CUPERTINO_LIGHT("Cupertino Light", new CupertinoLight()),
    CUPERTINO_DARK("Cupertino Dark", new CupertinoDark()),
    DRACULA("Dracula", new Dracula());

    private final String label;
    private final Theme theme;

    ThemeChoice(String label, Theme theme) {
        this.label = label;
        this.theme = theme;
    }

    public String label() { return label; }

    /** The AtlantaFX theme to show; for SYSTEM, Primer in the system's light or dark. */
    public Theme resolve(boolean systemDark) {
        if (theme != null) return theme;
        return systemDark ? PRIMER_DARK.theme : PRIMER_LIGHT.theme;
    }

    public boolean dark(boolean systemDark) { return resolve(systemDark).isDarkMode(); }

    /** Reads "nord-dark", "NORD_DARK", "Nord Dark" alike; empty when the name is unknown. */
    public static Optional<ThemeChoice> parse(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ThemeChoice c : values()) if (c.name().equals(key)) return Optional.of(c);
        return Optional.empty();
    }

    @Override
    public String toString() { return label; }
}
