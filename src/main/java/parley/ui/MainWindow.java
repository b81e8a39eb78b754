package parley.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import java.util.function.Supplier;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's frame: a tool bar on top, the transcript in the centre, side panels on the right
 * (Parameters, Request, and whatever is added with {@link #addSidePanel}), and room on the left for
 * a history panel ({@link #setLeftPanel}).
 */
public final class MainWindow extends BorderPane {
    private final HBox toolbar = new HBox(8);
    private final HBox toolbarEnd = new HBox(4);
    private final SplitPane split = new SplitPane();
    private final StackPane centre = new StackPane();
    private final TabPane side = new TabPane();
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final HBox places = new HBox();
    private final ToggleGroup placeGroup = new ToggleGroup();
    private Node left;
    private Node chatMain;

    public MainWindow() {
        setId("main-window");
        getStyleClass().add("main-window");
        toolbar.getStyleClass().add("main-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbarEnd.setAlignment(Pos.CENTER_RIGHT);
        toolbarEnd.setMinWidth(Region.USE_PREF_SIZE); // the provider bar gives up width first
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        toolbar.getChildren().addAll(grow, toolbarEnd);
        setTop(toolbar);

        centre.getStyleClass().add("centre-area");
        side.setId("side-panels");
        side.getStyleClass().add(Styles.TABS_FLOATING);
        side.setSide(Side.RIGHT); // a strip along the edge has room for every panel's name at any width
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(300);
        side.setPrefWidth(480);
        side.setTabMinWidth(40);
        side.setTabMaxWidth(160);
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().addAll(centre, side);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);

        Button help = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        help.setId("help-button");
        help.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        help.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        help.setOnAction(e -> showHelp());
        toolbarEnd.getChildren().add(help);
        addShortcut(new KeyCodeCombination(KeyCode.F1), "F1", "Show the keyboard shortcuts", this::showHelp);
    }

    /** Puts the transcript (or whatever fills the middle) in the centre. */
    public void setMain(Node node) {
        chatMain = node;
        showInCentre(node);
    }

    /**
     * Adds a place beside the chat, switched to from the tool bar ("Chat | Experiments"); it fills the
     * whole area between the history and the side panels. {@code content} is called when the place is
     * first shown, so what it loads costs nothing at start-up. Returns what shows the place.
     */
    public Runnable addPlace(String title, Supplier<Node> content) {
        if (places.getChildren().isEmpty()) {
            places.setId("places");
            places.getStyleClass().add("places");
            places.setMinWidth(Region.USE_PREF_SIZE);
            toolbar.getChildren().addFirst(places);
            ToggleButton chat = placeButton("Chat", () -> showInCentre(chatMain));
            chat.setSelected(true);
        }
        Node[] built = new Node[1];
        ToggleButton button = placeButton(title, () -> {
            if (built[0] == null) built[0] = content.get();
            showInCentre(built[0]);
        });
        return () -> button.setSelected(true);
    }

    /** Shows the chat again (after another place). */
    public void showChat() {
        if (!placeGroup.getToggles().isEmpty()) placeGroup.getToggles().getFirst().setSelected(true);
    }

    private ToggleButton placeButton(String title, Runnable show) {
        ToggleButton button = new ToggleButton(title);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setId("place-" + title.toLowerCase(java.util.Locale.ROOT));
        button.setToggleGroup(placeGroup);
        button.selectedProperty().subscribe(on -> { if (on) show.run(); });
        button.setOnAction(e -> { if (!button.isSelected()) button.setSelected(true); }); // one is always on
        places.getChildren().add(button);
        int count = places.getChildren().size();
        for (int i = 0; i < count; i++) {
            Node b = places.getChildren().get(i);
            b.getStyleClass().removeAll(Styles.LEFT_PILL, Styles.CENTER_PILL, Styles.RIGHT_PILL);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == count - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
        }
        return button;
    }

    private void showInCentre(Node node) {
        if (node == null) return;
        if (centre.getChildren().isEmpty()) centre.getChildren().add(node);
        else centre.getChildren().set(0, node);
    }

    /** Lays a node (a notice) over the centre, at {@code position}. */
    public void addOverlay(Node node, Pos position) {
        if (centre.getChildren().isEmpty()) centre.getChildren().add(new Region());
        StackPane.setAlignment(node, position);
        StackPane.setMargin(node, new Insets(12));
        centre.getChildren().add(node);
    }

    /** Puts {@code menu} (the Help menu) where the Help button is. */
    public void setHelp(Node menu) {
        toolbarEnd.getChildren().set(toolbarEnd.getChildren().size() - 1, menu);
    }

    /**
     * Adds a tab to the right-hand side area and returns it. Its content joins the scene when the tab
     * is first selected, so panels nobody looks at cost no styling or layout at start-up.
     */
    public Tab addSidePanel(String title, Node content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().subscribe(selected -> {
            if (selected && tab.getContent() == null) tab.setContent(content);
        });
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        side.getTabs().add(tab);
        return tab;
    }

    /** Puts a panel (e.g. the conversation history) on the left of the transcript; null removes it. */
    public void setLeftPanel(Node node) {
        if (left != null) split.getItems().remove(left);
        left = node;
        if (node != null) {
            split.getItems().addFirst(node);
            SplitPane.setResizableWithParent(node, false);
            split.setDividerPositions(0.2, 0.68);
        }
    }

    /** Adds controls at the start of the tool bar (after those added before). */
    public void addToToolbar(Node... nodes) {
        int at = toolbar.getChildren().size() - 2;
        toolbar.getChildren().addAll(at, List.of(nodes));
    }

    /** Adds controls at the end of the tool bar, before the Help button. */
    public void addToToolbarEnd(Node... nodes) {
        int at = toolbarEnd.getChildren().size() - 1;
        toolbarEnd.getChildren().addAll(at, List.of(nodes));
    }

    /** Registers a window-wide shortcut and lists it in the Help dialog. */
    public void addShortcut(KeyCombination keys, String label, String action, Runnable run) {
        shortcuts.add(new Shortcut(label, action));
        sceneProperty().subscribe(scene -> { if (scene != null) scene.getAccelerators().put(keys, run); });
    }

    /** Lists shortcuts handled elsewhere (e.g. by the composer) in the Help dialog. */
    public void listShortcuts(List<Shortcut> more) {
        shortcuts.addAll(more);
    }

    public List<Shortcut> shortcuts() { return List.copyOf(shortcuts); }

    public TabPane sidePanels() { return side; }

    /** The split pane of the left panel, the centre and the side panels (its dividers are remembered). */
    public SplitPane split() { return split; }

    public void showHelp() {
        if (getScene() != null) HelpDialog.show(getScene().getWindow(), shortcuts());
    }

    static Label placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
