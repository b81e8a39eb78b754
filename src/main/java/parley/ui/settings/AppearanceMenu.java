package parley.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The tool bar's menu for the theme and the font size. */
public final class AppearanceMenu extends MenuButton {
    public AppearanceMenu(AppearanceViewModel vm) {
        super(null, new FontIcon(Feather.SUN));
        setId("appearance-menu");
        getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        setTooltip(new Tooltip("Theme and font size"));
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.label());
            item.setId("theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(vm.choiceProperty().get() == choice);
            item.setOnAction(e -> vm.choose(choice));
            vm.choiceProperty().subscribe(now -> item.setSelected(now == choice));
            getItems().add(item);
        }
        Label size = new Label();
        size.textProperty().bind(vm.fontSizeProperty().asString("Font size %d px"));
        CustomMenuItem sizeItem = new CustomMenuItem(size, false);
        sizeItem.setDisable(true);
        MenuItem bigger = new MenuItem("Larger text (Ctrl+=)", new FontIcon(Feather.PLUS));
        bigger.setId("font-bigger");
        bigger.setOnAction(e -> vm.biggerFont());
        MenuItem smaller = new MenuItem("Smaller text (Ctrl+-)", new FontIcon(Feather.MINUS));
        smaller.setId("font-smaller");
        smaller.setOnAction(e -> vm.smallerFont());
        MenuItem reset = new MenuItem("Default size (Ctrl+0)");
        reset.setOnAction(e -> vm.setFontSize(AppearanceViewModel.DEFAULT_FONT));
        getItems().addAll(new SeparatorMenuItem(), sizeItem, bigger, smaller, reset);
    }
}
