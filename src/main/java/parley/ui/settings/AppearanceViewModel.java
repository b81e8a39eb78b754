package parley.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import atlantafx.base.theme.Theme;

/** The chosen theme and font size, and the AtlantaFX theme that results from them. */
public final class AppearanceViewModel {
    public static final int MIN_FONT = 10;
    public static final int MAX_FONT = 22;
    public static final int DEFAULT_FONT = 14;

    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>(this, "theme", ThemeChoice.SYSTEM);
    private final ReadOnlyIntegerWrapper fontSize = new ReadOnlyIntegerWrapper(this, "fontSize", DEFAULT_FONT);
    private final ReadOnlyBooleanWrapper systemDark = new ReadOnlyBooleanWrapper(this, "systemDark");
    private final ObjectBinding<Theme> theme =
            Bindings.createObjectBinding(() -> choice.get().resolve(systemDark.get()), choice, systemDark);

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() { return choice.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty fontSizeProperty() { return fontSize.getReadOnlyProperty(); }
    /** The AtlantaFX theme to apply now. */
    public ObservableValue<Theme> theme() { return theme; }

    public void choose(ThemeChoice value) { choice.set(value == null ? ThemeChoice.SYSTEM : value); }

    public void setFontSize(int size) { fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, size))); }

    public void biggerFont() { setFontSize(fontSize.get() + 1); }

    public void smallerFont() { setFontSize(fontSize.get() - 1); }

    /** What the operating system reports; the view feeds it from JavaFX's platform preferences. */
    public void systemDarkChanged(boolean dark) { systemDark.set(dark); }
}
