package parley.ui.history;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Dialogs;
import parley.ui.ViewBindings;

/**
 * The history sidebar: a search field, the conversations (or the matching messages), a context
 * menu per conversation (open, rename, export, delete) and an Undo bar after a delete.
 */
public final class HistoryView extends VBox {
    private final HistoryViewModel model;
    private final Dialogs dialogs;
    private final ListView<HistoryViewModel.Row> list = new ListView<>();
    private Consumer<HistoryViewModel.Row> share;

    public HistoryView(HistoryViewModel model, Dialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        setId("history-panel");
        getStyleClass().add("history-panel");
        getStylesheets().add(HistoryView.class.getResource("history.css").toExternalForm());
        setSpacing(6);
        setMinWidth(180);
        setPrefWidth(260);
        getChildren().addAll(header(), search(), list, undoBar(), notice());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setId("history-list");
        list.setItems(model.rows());
        list.setCellFactory(v -> new RowCell());
        list.setPlaceholder(muted("No conversations yet."));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected();
            if (e.getCode() == KeyCode.DELETE) selected().ifPresent(model::delete);
        });
        model.refresh();
    }

    public ListView<HistoryViewModel.Row> list() { return list; }

    private HBox header() {
        Label title = new Label("History");
        title.getStyleClass().add(Styles.TITLE_4);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button importButton = new Button(null, new FontIcon(Feather.UPLOAD));
        importButton.setId("history-import");
        importButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        importButton.setTooltip(new Tooltip("Import a conversation (JSON) or open a session file"));
        importButton.setOnAction(e -> dialogs.chooseOpen("Import a conversation or a session", "*.parley.json", "*.json")
                .ifPresent(model::openFile));
        HBox box = new HBox(4, title, gap, importButton);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private CustomTextField search() {
        CustomTextField field = new CustomTextField();
        field.setId("history-search");
        field.setPromptText("Search all messages");
        field.setLeft(new FontIcon(Feather.SEARCH));
        ViewBindings.follow(model.queryProperty(), field.textProperty(), model::setQuery);
        return field;
    }

    private HBox undoBar() {
        Label text = new Label();
        text.textProperty().bind(model.noticeProperty());
        Button undo = new Button("Undo");
        undo.setId("history-undo");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        undo.setOnAction(e -> model.undoDelete());
        HBox bar = new HBox(6, text, undo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-undo-bar");
        bar.visibleProperty().bind(model.deletedProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Label notice() {
        Label label = muted("");
        label.setId("history-notice");
        label.setWrapText(true);
        label.textProperty().bind(model.noticeProperty());
        label.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.deletedProperty().get() == null && !model.noticeProperty().get().isEmpty(),
                model.deletedProperty(), model.noticeProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void openSelected() {
        selected().ifPresent(model::open);
    }

    private Optional<HistoryViewModel.Row> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    /** Offers "Share to team" in each conversation's menu, and shows the team's shared ones in {@code section}. */
    public void offerSharing(Consumer<HistoryViewModel.Row> share, Node section) {
        this.share = share;
        getChildren().add(getChildren().indexOf(list) + 1, section);
    }

    private ContextMenu menuFor(HistoryViewModel.Row row) {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> model.open(row));
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(e -> dialogs.askText("Rename", "A title for this conversation (empty: from its first message)",
                row.title()).ifPresent(t -> model.rename(row, t)));
        MenuItem markdown = new MenuItem("Export as Markdown…");
        markdown.setOnAction(e -> dialogs.chooseSave("Export as Markdown", safeName(row.title()) + ".md")
                .ifPresent(p -> model.exportMarkdown(row, p)));
        MenuItem json = new MenuItem("Export as JSON…");
        json.setOnAction(e -> dialogs.chooseSave("Export as JSON", safeName(row.title()) + ".json")
                .ifPresent(p -> model.exportJson(row, p)));
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> model.delete(row));
        ContextMenu menu = new ContextMenu(open, rename, new SeparatorMenuItem(), markdown, json, new SeparatorMenuItem(), delete);
        if (share != null) {
            MenuItem team = new MenuItem("Share to team");
            team.setOnAction(e -> share.accept(row));
            menu.getItems().add(5, team);
        }
        return menu;
    }

    static String safeName(String title) {
        String name = title.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return name.isEmpty() ? "conversation" : name;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private final class RowCell extends ListCell<HistoryViewModel.Row> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, title, detail);

        RowCell() {
            title.getStyleClass().add("history-title");
            detail.getStyleClass().addAll("history-detail", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            title.setMaxWidth(Double.MAX_VALUE);
            detail.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(HistoryViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setContextMenu(null);
                getStyleClass().remove("history-current");
                return;
            }
            title.setText(row.title());
            detail.setText(row.detail());
            setGraphic(box);
            setContextMenu(menuFor(row));
            getStyleClass().remove("history-current");
            if (row.conversationId().equals(model.currentIdProperty().get())) getStyleClass().add("history-current");
        }
    }
}
