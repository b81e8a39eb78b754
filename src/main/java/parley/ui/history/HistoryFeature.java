package parley.ui.history;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.TransferMode;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.Subscription;
import parley.history.ConversationStore;
import parley.history.HistoryRecorder;
import parley.history.HistoryService;
import parley.history.SessionFile;
import parley.store.Database;
import parley.ui.MainWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatViewModel;

/**
 * The history in the window: the sidebar on the left, a File menu (open and save session files,
 * import, export the current conversation), files dropped on the window, and the chat saved as it
 * happens. Conversations deleted in an earlier run are removed for good when it starts.
 */
public final class HistoryFeature implements AutoCloseable {
    private final HistoryRecorder recorder;
    private final HistoryService service;
    private final HistoryViewModel model;
    private final HistoryView view;
    private final Subscription refresher;
    private final MainWindow window;
    private final Executor background;

    private HistoryFeature(Database database, ChatService chat, MainWindow window, Executor background, UiThread ui) {
        this.window = window;
        this.background = background;
        ConversationStore store = new ConversationStore(database);
        store.purgeDeleted();
        HistoryViewModel[] holder = new HistoryViewModel[1];
        this.recorder = new HistoryRecorder(chat, store, message -> ui.run(() -> holder[0].report(message)));
        this.service = new HistoryService(store, chat, recorder);
        this.model = new HistoryViewModel(service, background, ui, ZoneId.systemDefault());
        holder[0] = model;
        this.view = new HistoryView(model);
        this.refresher = chat.addListener(event -> {
            if (event instanceof ChatEvent.Started || event instanceof ChatEvent.Ended) ui.run(model::refresh);
        });
        window.setLeftPanel(view);
        window.addToToolbar(fileMenu());
        acceptDrops();
    }

    public static HistoryFeature install(Database database, ChatService chat, MainWindow window, Executor background,
                                         UiThread ui) {
        return new HistoryFeature(database, chat, window, background, ui);
    }

    /** Redraws the transcript when another conversation is opened, and offers Branch on its cards. */
    public void connect(ChatViewModel chat) {
        model.setOnOpened(chat::reload);
        chat.setBrancher(model::branchFrom);
        chat.items().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (chat.state() != ChatViewModel.State.STREAMING) background.execute(recorder::saveNow);
        });
    }

    public HistoryViewModel model() { return model; }

    public HistoryRecorder recorder() { return recorder; }

    public HistoryView view() { return view; }

    /** Opens a file named on the command line or dropped on the window. */
    public void openFile(Path file) {
        model.openFile(file);
    }

    @Override
    public void close() {
        refresher.close();
        recorder.close();
    }

    private MenuButton fileMenu() {
        MenuItem open = new MenuItem("Open session…");
        open.setOnAction(e -> chooseOpen("Open a session", "*" + SessionFile.EXTENSION).ifPresent(model::openSession));
        MenuItem save = new MenuItem("Save session…");
        save.setOnAction(e -> chooseSave("Save the session", "experiment" + SessionFile.EXTENSION)
                .ifPresent(model::saveSession));
        MenuItem importJson = new MenuItem("Import conversation…");
        importJson.setOnAction(e -> chooseOpen("Import a conversation", "*.json").ifPresent(model::importJson));
        MenuItem markdown = new MenuItem("Export as Markdown…");
        markdown.setOnAction(e -> chooseSave("Export as Markdown", "conversation.md")
                .ifPresent(p -> model.exportMarkdown(current(), p)));
        MenuItem json = new MenuItem("Export as JSON…");
        json.setOnAction(e -> chooseSave("Export as JSON", "conversation.json")
                .ifPresent(p -> model.exportJson(current(), p)));
        MenuButton menu = new MenuButton("File", null, open, save, new SeparatorMenuItem(), importJson, markdown, json);
        menu.setId("file-menu");
        menu.getStyleClass().add(Styles.FLAT);
        return menu;
    }

    private HistoryViewModel.Row current() {
        return new HistoryViewModel.Row(service.currentId(), null, "", "");
    }

    private void acceptDrops() {
        window.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        window.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            files.stream().filter(f -> f.getName().endsWith(".json")).findFirst()
                    .ifPresent(f -> model.openFile(f.toPath()));
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private Optional<Path> chooseOpen(String title, String pattern) {
        return view.chooseOpen(title, pattern);
    }

    private Optional<Path> chooseSave(String title, String name) {
        return view.chooseSave(title, name);
    }
}
