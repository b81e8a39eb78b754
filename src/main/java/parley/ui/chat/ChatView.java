package parley.ui.chat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Shortcut;
import parley.ui.ViewBindings;
import parley.ui.markdown.BlockColumn;
import parley.ui.markdown.MarkdownRenderer;
import parley.ui.markdown.MarkdownView;

/**
 * The transcript with the composer under it. Binds to a {@link ChatViewModel}; every decision is
 * the view model's. Links in replies open only after the user confirms, through the opener the
 * window provides ({@link #setLinkOpener}); without one a link can only be copied.
 */
public final class ChatView extends BorderPane {
    public static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+Enter", "Send the message (in the composer)"),
            new Shortcut("Esc", "Stop the reply that is arriving"),
            new Shortcut("Ctrl+R", "Regenerate the last answer"),
            new Shortcut("Ctrl+Shift+N", "Start a new chat"));

    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination REGENERATE = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination NEW_CHAT = new KeyCodeCombination(KeyCode.N,
            KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);

    private static final String STYLESHEET = ChatView.class.getResource("chat.css").toExternalForm();

    private final ChatViewModel model;
    private final MarkdownRenderer renderer = new MarkdownRenderer(this::linkClicked);
    private final BlockColumn transcript = new BlockColumn(10);
    private final ScrollPane scroller = new ScrollPane(transcript);
    private final TextArea composer = new TextArea();
    private final TranscriptPages pages = new TranscriptPages(this::showEarlier);
    private final TranscriptCards cards;
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private Consumer<String> linkOpener;
    private boolean warmedUp;
    private Node viewport;
    private final Runnable beforeLayout = this::beforeLayout;
    private final Runnable afterLayout = this::afterLayout;
    private double lastViewTop;
    private boolean atEnd = true;

    public ChatView(ChatViewModel model) {
        this(model, TranscriptCards.PULSE_BUDGET_NANOS);
    }

    /** {@code cardBudgetNanos}: how long a pulse may spend building the cards of an opened conversation. */
    ChatView(ChatViewModel model, long cardBudgetNanos) {
        this.model = model;
        this.cards = new TranscriptCards(transcript, pages, item -> new MessageCard(item, model, renderer, ChatView::copy),
                cardBudgetNanos);
        getStyleClass().add("chat-view");
        transcript.getStyleClass().add("chat-transcript");
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("chat-scroller");
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.skinProperty().subscribe(skin -> uncacheViewport());
        Label empty = new Label("Type a message below and press Ctrl+Enter to send it.");
        empty.getStyleClass().add("chat-empty");
        empty.visibleProperty().bind(model.emptyProperty());
        empty.setMouseTransparent(true);
        StackPane center = new StackPane(scroller, empty);
        setCenter(center);
        setBottom(composer());
        model.items().addListener((ListChangeListener<MessageItem>) change -> showItems());
        showItems();
        model.setRevealer(this::reveal);
        sceneProperty().addListener((o, was, now) -> attached(was, now));
    }

    /** The keyboard shortcuts of the chat, for the window's Help dialog. */
    public static List<Shortcut> shortcuts() {
        return SHORTCUTS;
    }

    /** How a confirmed link is opened (the window passes its browser); null: links can only be copied. */
    public void setLinkOpener(Consumer<String> opener) {
        linkOpener = opener;
    }

    public ChatViewModel model() {
        return model;
    }

    /** Puts the keyboard focus into the composer. */
    public void focusComposer() {
        composer.requestFocus();
    }

    private Node composer() {
        composer.getStyleClass().add("chat-composer");
        composer.setPromptText("Message (Ctrl+Enter sends, Esc stops)");
        composer.setWrapText(true);
        composer.setPrefRowCount(3);
        ViewBindings.follow(model.draftProperty(), composer.textProperty(), model::setDraft);
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                e.consume();
                model.send();
            }
        });
        HBox.setHgrow(composer, Priority.ALWAYS);

        Button send = new Button("Send");
        send.getStyleClass().addAll("accent", "chat-send");
        send.setOnAction(e -> model.send());
        Button stop = new Button("Stop");
        stop.getStyleClass().addAll("danger", "chat-stop");
        stop.setOnAction(e -> model.stop());
        var streaming = model.stateProperty().isEqualTo(ChatViewModel.State.STREAMING);
        send.visibleProperty().bind(streaming.not());
        send.disableProperty().bind(model.checkingProperty());
        send.managedProperty().bind(send.visibleProperty());
        stop.visibleProperty().bind(streaming);
        stop.managedProperty().bind(stop.visibleProperty());
        send.setMaxWidth(Double.MAX_VALUE);
        stop.setMaxWidth(Double.MAX_VALUE);
        Button newChat = new Button("New chat");
        newChat.getStyleClass().addAll("flat", "chat-new");
        newChat.setOnAction(e -> model.newChat());
        newChat.disableProperty().bind(streaming);
        newChat.setMaxWidth(Double.MAX_VALUE);
        Button experiment = new Button("Try across…");
        experiment.setId("try-experiment");
        experiment.getStyleClass().addAll("flat", "chat-experiment");
        experiment.setTooltip(new Tooltip("Try this prompt across models, parameter values and inputs (Experiments)"));
        experiment.setOnAction(e -> { if (model.experimentActionProperty().get() != null) model.experimentActionProperty().get().run(); });
        experiment.visibleProperty().bind(model.experimentActionProperty().isNotNull());
        experiment.managedProperty().bind(experiment.visibleProperty());
        experiment.disableProperty().bind(streaming);
        experiment.setMaxWidth(Double.MAX_VALUE);
        Button prompts = new Button(null, new FontIcon(Feather.BOOK_OPEN));
        prompts.setId("open-prompts");
        prompts.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "chat-prompts");
        prompts.setTooltip(new Tooltip("Prompts: use a saved prompt, save this one, see its versions"));
        prompts.setOnAction(e -> { if (model.promptLibraryActionProperty().get() != null) model.promptLibraryActionProperty().get().run(); });
        prompts.visibleProperty().bind(model.promptLibraryActionProperty().isNotNull());
        prompts.managedProperty().bind(prompts.visibleProperty());
        prompts.disableProperty().bind(streaming);
        // the library shares a row with "Try across…", so the composer keeps its height
        HBox.setHgrow(experiment, Priority.ALWAYS);
        HBox tools = new HBox(4, experiment, prompts);
        VBox buttons = new VBox(6, send, stop, newChat, tools);
        buttons.setAlignment(Pos.TOP_CENTER);
        buttons.setMinWidth(Region.USE_PREF_SIZE);

        Label notice = new Label();
        notice.getStyleClass().add("chat-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        Label estimate = new Label();
        estimate.getStyleClass().add("chat-cost-estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(model.costEstimateProperty());
        estimate.visibleProperty().bind(estimate.textProperty().isNotEmpty());
        estimate.managedProperty().bind(estimate.visibleProperty());

        Label context = new Label();
        context.getStyleClass().add("chat-context-warning");
        context.setWrapText(true);
        context.textProperty().bind(model.contextWarningProperty());
        context.visibleProperty().bind(context.textProperty().isNotEmpty());
        context.managedProperty().bind(context.visibleProperty());

        HBox row = new HBox(8, composer, buttons);
        VBox box = new VBox(6, notice, row, context, estimate);
        box.getStyleClass().add("chat-composer-box");
        return box;
    }

    /**
     * The scroll pane's skin caches its viewport as an image to scroll fast; a streaming reply
     * changes that image on every frame, so the cache only doubles the drawing.
     */
    private void uncacheViewport() {
        viewport = scroller.lookup(".viewport");
        if (viewport != null) viewport.setCache(false);
    }

    /**
     * Before each layout: a share of the cards of an opened conversation that are still waiting goes
     * above the others. What the user looks at stays in its place; a view at the end stays there.
     */
    private void beforeLayout() {
        if (!cards.waiting()) return;
        MessageCard top = cards.topCard();
        boolean keepPlace = viewport != null && top != null && scroller.getVvalue() < scroller.getVmax();
        double offset = keepPlace ? top.getBoundsInParent().getMinY() - viewTop() : 0;
        if (cards.pulse() && keepPlace) TranscriptPages.keepAt(scroller, transcript, top, offset);
        if (cards.waiting()) Platform.requestNextPulse();
    }

    /**
     * After each layout, before the frame is drawn: the transcript follows a growing reply, and
     * only the cards in view, and in them only the Markdown blocks in view, stay visible.
     */
    private void afterLayout() {
        if (viewport == null) return;
        followTheEnd();
        showOnlyWhatIsInView();
    }

    /**
     * A transcript that was scrolled to its end at the last frame, and that the user has not scrolled
     * since, stays at its end as the reply grows (the scroll pane alone keeps its place in pixels).
     * Scrolling up stops following; scrolling back to the end starts it again.
     */
    private void followTheEnd() {
        double top = viewTop();
        boolean userScrolled = Math.abs(top - lastViewTop) > 0.5;
        if (atEnd && !userScrolled && scroller.getVvalue() < scroller.getVmax()) {
            scroller.setVvalue(scroller.getVmax());
            top = viewTop();
        }
        lastViewTop = top;
        atEnd = transcript.getHeight() - (top + viewport.getLayoutBounds().getHeight()) < 1;
    }

    /** The top of the part of the transcript in view, in the transcript's coordinates. */
    private double viewTop() {
        return transcript.sceneToLocal(viewport.localToScene(viewport.getLayoutBounds())).getMinY();
    }

    /**
     * JavaFX draws every visible node of the transcript on each frame, wherever it is; with a long
     * conversation that was most of each frame's drawing. Hidden nodes keep their place. A card
     * that holds the keyboard focus (a message being edited) stays visible: hiding it would move
     * the focus away from what the user is typing.
     */
    private void showOnlyWhatIsInView() {
        Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
        Bounds inTranscript = transcript.sceneToLocal(shown);
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (Node node : transcript.getChildren()) {
            if (!(node instanceof MessageCard card)) continue;
            Bounds bounds = card.getBoundsInParent();
            boolean inView = bounds.getMaxY() >= inTranscript.getMinY() && bounds.getMinY() <= inTranscript.getMaxY();
            card.setVisible(inView || holds(card, focused));
            if (!inView) continue;
            for (MarkdownView view : card.shownMarkdown()) {
                Bounds local = view.sceneToLocal(shown);
                view.showOnly(local.getMinY(), local.getMaxY());
            }
        }
    }

    private static boolean holds(Node parent, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) return true;
        }
        return false;
    }

    private void showItems() {
        double height = viewport == null ? 0 : viewport.getLayoutBounds().getHeight();
        cards.buildGradually(pages.shown(model.items()), transcript.getWidth(), height);
        scroller.setVvalue(scroller.getVmax());
        if (cards.waiting()) Platform.requestNextPulse();
    }

    /** One page more above, keeping the message that was at the top where it was on the screen. */
    private void showEarlier() {
        cards.finish();
        MessageCard top = cards.card(model.items().get(pages.hidden()));
        double offset = viewport == null ? 0 : top.getBoundsInParent().getMinY() - viewTop();
        cards.build(pages.earlier(model.items()));
        TranscriptPages.keepAt(scroller, transcript, top, offset);
    }

    /** Scrolls to a message at the top of the view, building the pages down to it (a history search hit). */
    private void reveal(String messageId) {
        model.item(messageId).ifPresent(item -> {
            cards.finish();
            int index = model.items().indexOf(item);
            if (index < pages.hidden()) cards.build(pages.upTo(model.items(), index));
            if (cards.card(item) != null) TranscriptPages.keepAt(scroller, transcript, cards.card(item), 0);
        });
    }

    /** The chat's stylesheet; the window puts it on its scene before the chat is attached. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /**
     * The stylesheet goes on the scene, not on this node: JavaFX registers every Parent below a node
     * that carries a stylesheet in a list it scans on each node added or removed, which made every
     * frame of a long reply slower than the last.
     */
    private void attached(Scene was, Scene now) {
        if (was != null) {
            was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            was.removePreLayoutPulseListener(beforeLayout);
            was.removePostLayoutPulseListener(afterLayout);
        }
        if (now != null) {
            now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            now.addPreLayoutPulseListener(beforeLayout);
            now.addPostLayoutPulseListener(afterLayout);
            if (!now.getStylesheets().contains(STYLESHEET)) now.getStylesheets().add(STYLESHEET);
        }
    }

    /**
     * Once, when the view is in a shown window: builds and lays out a sample question and reply
     * without drawing them, so that the first real send does not wait for the cards' classes and
     * styles. The window asks for it after its first frame is drawn, not before.
     */
    public void warmUp() {
        if (warmedUp || getScene() == null) return;
        warmedUp = true;
        CardWarmUp.run(transcript, model, renderer, ChatView::copy);
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && model.state() == ChatViewModel.State.STREAMING) {
            e.consume();
            model.stop();
        } else if (REGENERATE.match(e) && model.canRegenerateProperty().get()) {
            e.consume();
            model.regenerate();
        } else if (NEW_CHAT.match(e) && model.state() != ChatViewModel.State.STREAMING) {
            e.consume();
            model.newChat();
        }
    }

    private void linkClicked(String url) {
        boolean openable = linkOpener != null && isWebLink(url);
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        ButtonType copyLink = new ButtonType("Copy link", ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Open link");
        alert.setHeaderText(openable ? "Open this link in your browser?" : "Parley opens only web and mail links; this one can be copied.");
        alert.setContentText(url);
        alert.getButtonTypes().setAll(openable ? List.of(open, copyLink, ButtonType.CANCEL) : List.of(copyLink, ButtonType.CANCEL));
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.showAndWait().ifPresent(choice -> {
            if (choice == open) linkOpener.accept(url);
            else if (choice == copyLink) copy(url);
        });
    }

    static boolean isWebLink(String url) {
        try {
            String scheme = URI.create(url.strip()).getScheme();
            if (scheme == null) return false;
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
