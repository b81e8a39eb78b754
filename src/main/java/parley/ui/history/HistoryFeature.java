package parley.ui.history;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.TransferMode;
import parley.app.InputLimits;
import parley.chat.ChatEvent;
import parley.chat.ChatSettings;
import parley.chat.Subscription;
import parley.history.ConversationStore;
import parley.history.HistoryRecorder;
import parley.history.HistoryService;
import parley.history.SessionFile;
import parley.store.Settings;
import parley.team.TeamShelf;
import parley.ui.Dialogs;
import parley.ui.MainWindow;
import parley.ui.RequestControls;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.chat.ChatViewModel;
import parley.ui.team.SharedShelfModel;
import parley.ui.team.SharedShelfView;

/**
 * The history in the window: the sidebar on the left, a File menu (open and save session files,
 * import, export the current conversation), files dropped on the window, and the chat saved as it
 * happens. An opened conversation or session is redrawn in the transcript and its settings shown in
 * the controls. Conversations deleted in an earlier run are removed for good when it starts; the
 * window's notices (a damaged database kept aside, keys kept for this run only) show in the sidebar.
 */
public final class HistoryFeature implements WindowFeature {
    private final WindowContext context;
    private final HistoryRecorder recorder;
    private final HistoryService service;
    private final HistoryViewModel model;
    private final HistoryView view;
    private final Subscription refresher;
    private final SharedShelfModel shared;

    public HistoryFeature(WindowContext context) {
        this.context = context;
        UiThread ui = context.ui();
        ConversationStore store = new ConversationStore(context.database());
        context.background().execute(store::purgeDeleted); // only rows already hidden: the list does not wait for it
        this.recorder = new HistoryRecorder(context.chat(), store, message -> ui.run(() -> report(message)));
        RequestControls controls = context.controls();
        recorder.setKnownKeys(() -> Arrays.asList(controls.providers().apiKey()));
        Settings settings = new Settings(context.database());
        // read when a file is opened, on the background thread that opens it
        this.service = new HistoryService(store, context.chat(), recorder, () -> InputLimits.load(settings).fileBytes());
        this.model = new HistoryViewModel(service, context.background(), ui, ZoneId.systemDefault());
        this.view = new HistoryView(model, context.dialogs());
        this.refresher = context.chat().addListener(event -> {
            if (event instanceof ChatEvent.Started || event instanceof ChatEvent.Ended) refreshAfterWrites();
        });
        connect(context.chatModel(), controls);
        this.shared = new SharedShelfModel(context.team(), TeamShelf.Kind.CONVERSATION, context.background(), ui);
        view.offerSharing(row -> shared.share(row.conversationId(), row.title(), () -> service.exportText(row.conversationId())),
                new SharedShelfView("history", "Open a copy", shared, this::openShared));
        context.window().setLeftPanel(view);
        context.window().addToToolbar(fileMenu(context.dialogs()));
        acceptDrops(context.window());
    }

    public HistoryViewModel model() { return model; }

    public HistoryRecorder recorder() { return recorder; }

    public HistoryView view() { return view; }

    /** The team's shared conversations. */
    public SharedShelfModel shared() { return shared; }

    /** Imports a conversation the team shared (once) as a local copy, and opens it like any other. */
    public void openShared(TeamShelf.SharedItem item) {
        shared.open(item, body -> service.importText(body, item.title()), id -> {
            model.open(new HistoryViewModel.Row(id, null, item.title(), ""));
            model.refresh();
        });
    }

    /** Opens a file named on the command line or dropped on the window (read off the FX thread). */
    public void openFile(Path file) {
        model.openFile(file);
    }

    @Override
    public void windowShown() {
        List<String> notices = new ArrayList<>();
        context.database().recoveryNotice().ifPresent(notices::add);
        var providers = context.controls().providers();
        if (!providers.keysPersist()) notices.add(providers.keyStorage());
        if (!notices.isEmpty()) model.report(String.join("\n", notices));
    }

    @Override
    public void close() {
        refresher.close();
        recorder.close();
    }

    /** Refreshes the list once the recorder's writes asked for so far are stored, so it shows them. */
    private void refreshAfterWrites() {
        try {
            context.background().execute(() -> {
                recorder.flush();
                context.ui().run(model::refresh);
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing: nothing is left to show
        }
    }

    private void report(String message) {
        model.report(message);
    }

    /** Redraws the transcript and shows the settings an opening brought; offers Branch; saves what changed. */
    private void connect(ChatViewModel chat, RequestControls controls) {
        model.setOnOpened((ChatSettings settings) -> {
            chat.reload();
            controls.show(settings);
        });
        model.setOnReveal(chat::reveal);
        chat.offerBranching(model::branchFrom);
        chat.items().addListener((ListChangeListener<Object>) c -> {
            if (chat.state() != ChatViewModel.State.STREAMING) context.background().execute(recorder::saveNow);
        });
    }

    private MenuButton fileMenu(Dialogs dialogs) {
        MenuItem open = new MenuItem("Open session…");
        open.setOnAction(e -> dialogs.chooseOpen("Open a session", "*" + SessionFile.EXTENSION)
                .ifPresent(model::openSession));
        MenuItem save = new MenuItem("Save session…");
        save.setOnAction(e -> dialogs.chooseSave("Save the session", "experiment" + SessionFile.EXTENSION)
                .ifPresent(model::saveSession));
        MenuItem importJson = new MenuItem("Import conversation…");
        importJson.setOnAction(e -> dialogs.chooseOpen("Import a conversation", "*.json").ifPresent(model::importJson));
        MenuItem markdown = new MenuItem("Export as Markdown…");
        markdown.setOnAction(e -> dialogs.chooseSave("Export as Markdown", "conversation.md")
                .ifPresent(p -> model.exportMarkdown(current(), p)));
        MenuItem json = new MenuItem("Export as JSON…");
        json.setOnAction(e -> dialogs.chooseSave("Export as JSON", "conversation.json")
                .ifPresent(p -> model.exportJson(current(), p)));
        MenuButton menu = new MenuButton("File", null, open, save, new SeparatorMenuItem(), importJson, markdown, json);
        menu.setId("file-menu");
        menu.getStyleClass().add(Styles.FLAT);
        return menu;
    }

    private HistoryViewModel.Row current() {
        return new HistoryViewModel.Row(service.currentId(), null, "", "");
    }

    private void acceptDrops(MainWindow window) {
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
}
