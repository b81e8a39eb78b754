package parley.ui.settings;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import parley.ui.MainWindow;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The theme and text size: the menu at the end of the tool bar, the size shortcuts, and both remembered. */
public final class AppearanceFeature implements WindowFeature {
    private final AppearanceViewModel appearance = new AppearanceViewModel();

    public AppearanceFeature(WindowContext context) {
        context.memory().keep(appearance);
        MainWindow window = context.window();
        window.addToToolbarEnd(new AppearanceMenu(appearance));
        window.styleProperty().bind(appearance.fontSizeProperty().asString("-fx-font-size: %dpx;"));
        window.addShortcut(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), "Ctrl+=",
                "Larger text", appearance::biggerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), "Ctrl+-",
                "Smaller text", appearance::smallerFont);
        window.addShortcut(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), "Ctrl+0",
                "Default text size", () -> appearance.setFontSize(AppearanceViewModel.DEFAULT_FONT));
    }

    public AppearanceViewModel model() { return appearance; }
}
