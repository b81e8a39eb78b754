package parley.ui.team;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.team.TeamShelf.SharedItem;

/**
 * A "Team" section: what the team shared of one kind, who shared it and when; double-click or Open
 * takes one ({@code open}). Collapsed at first; expanding it reads the list.
 */
public final class SharedShelfView extends TitledPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final ListView<SharedItem> list = new ListView<>();

    public SharedShelfView(String idPrefix, String openLabel, SharedShelfModel model, Consumer<SharedItem> open) {
        setText("Team");
        setId(idPrefix + "-team");
        setExpanded(false);
        list.setId(idPrefix + "-team-list");
        list.setItems(model.items());
        list.setPrefHeight(140);
        list.setMinHeight(100); // a list that grows beside it does not squeeze it away
        list.setCellFactory(v -> new ItemCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        Button take = new Button(openLabel);
        take.setId(idPrefix + "-team-open");
        take.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        take.setOnAction(e -> open.accept(list.getSelectionModel().getSelectedItem()));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId(idPrefix + "-team-refresh");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setTooltip(new Tooltip("Read the team's list again"));
        refresh.setOnAction(e -> model.refresh());
        HBox buttons = new HBox(6, take, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId(idPrefix + "-team-message");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        message.textProperty().bind(model.messageProperty());
        setContent(new VBox(6, list, buttons, message));
        expandedProperty().subscribe(expanded -> { if (expanded) model.refresh(); });
    }

    public ListView<SharedItem> list() { return list; }

    private static final class ItemCell extends ListCell<SharedItem> {
        @Override
        protected void updateItem(SharedItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.title() + "\n" + item.member() + " on " + item.computer() + " · " + WHEN.format(item.at()));
        }
    }
}
