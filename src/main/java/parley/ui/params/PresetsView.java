package parley.ui.params;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.team.TeamShelf.SharedItem;
import parley.ui.Dialogs;
import parley.ui.team.SharedShelfModel;

/** The preset bar: a name to pick or type, and Load, Save, Rename, Delete. */
public final class PresetsView extends VBox {
    private final PresetsViewModel vm;
    private final Dialogs dialogs;
    private final ComboBox<String> name = new ComboBox<>();

    public PresetsView(PresetsViewModel vm, SharedShelfModel shared, Dialogs dialogs) {
        this.dialogs = dialogs;
        super(4);
        this.vm = vm;
        setId("presets-view");
        Label title = new Label("Preset");
        title.getStyleClass().add("param-name");
        name.setId("preset-name");
        name.setEditable(true);
        name.setPromptText("Name a preset to save, or pick one");
        name.setItems(vm.names());
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        vm.currentProperty().subscribe(now -> { if (now != null) name.getEditor().setText(now); });

        Button load = button("preset-load", Feather.DOWNLOAD, "Load the preset's parameters");
        load.setOnAction(e -> vm.load(typed()));
        Button save = button("preset-save", Feather.SAVE, "Save the current parameters under this name");
        save.setOnAction(e -> vm.save(typed()));
        Button rename = button("preset-rename", Feather.EDIT_2, "Rename the preset");
        rename.setOnAction(e -> askNewName().ifPresent(to -> vm.rename(typed(), to)));
        Button delete = button("preset-delete", Feather.TRASH_2, "Delete the preset");
        delete.setOnAction(e -> { if (confirmDelete()) vm.delete(typed()); });
        HBox row = new HBox(4, name, load, save, rename, delete, teamMenu(shared));
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(vm.stateProperty().isEqualTo(PresetsViewModel.State.BUSY));

        Label message = new Label();
        message.setId("preset-message");
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label teamMessage = new Label();
        teamMessage.setId("preset-team-message");
        teamMessage.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        teamMessage.setWrapText(true);
        teamMessage.textProperty().bind(shared.messageProperty());
        teamMessage.managedProperty().bind(teamMessage.textProperty().isNotEmpty());
        teamMessage.visibleProperty().bind(teamMessage.managedProperty());
        getChildren().addAll(title, row, message, teamMessage);
    }

    /** The team's presets: share the one named here, or apply one the team shared (the list is read when it opens). */
    private MenuButton teamMenu(SharedShelfModel shared) {
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.USERS));
        menu.setId("preset-team");
        menu.getStyleClass().add(Styles.BUTTON_ICON);
        menu.setTooltip(new Tooltip("Share this preset to the team, or apply one the team shared"));
        MenuItem share = new MenuItem("Share to team");
        share.setId("preset-share");
        share.setOnAction(e -> vm.share(shared, typed()));
        Runnable fill = () -> {
            menu.getItems().setAll(share, new SeparatorMenuItem());
            if (shared.items().isEmpty()) {
                MenuItem none = new MenuItem("No team presets");
                none.setDisable(true);
                menu.getItems().add(none);
            }
            for (SharedItem item : shared.items()) {
                MenuItem apply = new MenuItem(item.title() + " — " + item.member());
                apply.setOnAction(e -> vm.applyShared(shared, item));
                menu.getItems().add(apply);
            }
        };
        shared.items().addListener((ListChangeListener<SharedItem>) c -> fill.run());
        fill.run();
        menu.setOnShowing(e -> shared.refresh());
        return menu;
    }

    private String typed() {
        String text = name.getEditor().getText();
        return text == null ? "" : text.strip();
    }

    private Optional<String> askNewName() {
        return dialogs.askText("Rename preset", "New name for \"" + typed() + "\"", typed());
    }

    private boolean confirmDelete() {
        return typed().isEmpty() || dialogs.confirm("Delete preset", null, "Delete the preset \"" + typed() + "\"?");
    }

    private static Button button(String id, Feather icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
