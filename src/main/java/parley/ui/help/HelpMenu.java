package parley.ui.help;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Help menu at the end of the tool bar; each item runs one command of {@link HelpActions}. */
final class HelpMenu extends MenuButton {
    HelpMenu(HelpActions actions, MessageTextSetting messageText) {
        super(null, new FontIcon(Feather.HELP_CIRCLE));
        setId("help-menu");
        getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        setTooltip(new Tooltip("Help"));
        CheckMenuItem logText = new CheckMenuItem("Log message text");
        logText.setId("help-log-message-text");
        messageText.property().subscribe(logText::setSelected);
        logText.setOnAction(e -> messageText.set(logText.isSelected()));
        getItems().addAll(
                item("Keyboard shortcuts", "help-shortcuts", actions::shortcuts),
                new SeparatorMenuItem(),
                item("Open log folder", "help-open-log-folder", actions::openLogFolder),
                item("Open data folder", "help-open-data-folder", actions::openDataFolder),
                item("Copy diagnostics", "help-copy-diagnostics", actions::copyDiagnostics),
                logText,
                new SeparatorMenuItem(),
                item("About Parley", "help-about", actions::about));
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
