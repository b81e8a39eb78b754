package parley.ui.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.chat.ChatSettings;
import parley.history.ConversationSummary;
import parley.history.FileFormatException;
import parley.history.HistoryService;
import parley.history.SearchHit;
import parley.history.SessionFile;
import parley.store.StoreException;
import parley.ui.UiThread;

/**
 * The history sidebar: the conversations newest first, or the messages that match the search,
 * and the commands on them (open, rename, delete with undo, branch, export, import, session files).
 * Work runs on {@code background}; results and messages come back through {@code ui}.
 */
public final class HistoryViewModel {
    /** One line of the list: a conversation, or a matching message of one (then {@code messageId} is set). */
    public record Row(String conversationId, String messageId, String title, String detail) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private final HistoryService history;
    private final Executor background;
    /** Counts the refreshes asked for (on the UI thread), so only the newest one's answer is shown. */
    private long refreshes;
    private final UiThread ui;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Row> deleted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currentId = new ReadOnlyStringWrapper();
    private Consumer<ChatSettings> onOpened = settings -> {};
    private Consumer<String> onReveal = messageId -> {};

    public HistoryViewModel(HistoryService history, Executor background, UiThread ui, ZoneId zone) {
        this.history = history;
        this.background = background;
        this.ui = ui;
        this.zone = zone;
        query.addListener((o, was, now) -> refresh());
    }

    public ObservableList<Row> rows() { return rowsView; }

    /** The search text; blank shows every conversation. */
    public ReadOnlyStringProperty queryProperty() { return query.getReadOnlyProperty(); }

    /** A one-line message for the user; "" when none. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** The conversation deleted last, while Undo can bring it back; null otherwise. */
    public ReadOnlyObjectProperty<Row> deletedProperty() { return deleted.getReadOnlyProperty(); }

    /** The id of the conversation shown in the chat. */
    public ReadOnlyStringProperty currentIdProperty() { return currentId.getReadOnlyProperty(); }

    /**
     * Runs on the UI thread after a conversation was put into the chat, with the chat's settings as
     * the opening left them (a session's provider, model and parameters; a conversation's model and
     * system prompt), to redraw the transcript and show those settings in the controls.
     */
    public void setOnOpened(Consumer<ChatSettings> action) {
        onOpened = action == null ? settings -> {} : action;
    }

    /** Runs on the UI thread after a search hit's conversation was opened, with the hit's message id. */
    public void setOnReveal(Consumer<String> action) {
        onReveal = action == null ? messageId -> {} : action;
    }

    /** Shows a message from elsewhere (e.g. a history write that failed). */
    public void report(String message) {
        notice.set(message == null ? "" : message);
    }

    // ---- commands

    public void setQuery(String text) {
        query.set(text == null ? "" : text);
    }

    public void refresh() {
        String text = query.get();
        long generation = ++refreshes;
        run(() -> text == null || text.isBlank() ? summaries(history.list()) : hits(history.search(text)), found -> {
            if (generation != refreshes) return; // a newer refresh (the next letter typed) is on its way
            rows.setAll(found);
            currentId.set(history.currentId());
        });
    }

    /** Opens a conversation; a search hit's message is then revealed in the transcript. */
    public void open(Row row) {
        run(() -> {
            history.open(row.conversationId());
            return history.chatSettings();
        }, settings -> {
            notice.set("");
            refresh();
            onOpened.accept(settings);
            if (row.messageId() != null) onReveal.accept(row.messageId());
        });
    }

    public void rename(Row row, String title) {
        change(() -> history.rename(row.conversationId(), title), "", false);
    }

    public void delete(Row row) {
        boolean wasShown = row.conversationId().equals(history.currentId());
        run(() -> {
            history.delete(row.conversationId());
            return row;
        }, gone -> {
            deleted.set(gone);
            notice.set("Deleted “" + gone.title() + "”.");
            refresh();
            if (wasShown) onOpened.accept(history.chatSettings());
        });
    }

    public void undoDelete() {
        Row row = deleted.get();
        if (row == null) {
            return;
        }
        deleted.set(null);
        change(() -> history.undoDelete(row.conversationId()), "", false);
    }

    /** A new conversation with the current one's messages up to {@code messageId}, opened in the chat. */
    public void branchFrom(String messageId) {
        change(() -> history.branch(history.currentId(), messageId), "Branched into a new conversation.", true);
    }

    public void exportMarkdown(Row row, Path file) {
        change(() -> io(() -> history.exportMarkdown(row.conversationId(), file)), "Exported to " + file + ".", false);
    }

    public void exportJson(Row row, Path file) {
        change(() -> io(() -> history.exportJson(row.conversationId(), file)), "Exported to " + file + ".", false);
    }

    public void importJson(Path file) {
        change(() -> io(() -> history.importJson(file)), "Imported " + file.getFileName() + ".", true);
    }

    public void openSession(Path file) {
        change(() -> history.openSession(file), "Opened " + file.getFileName() + ".", true);
    }

    public void saveSession(Path file) {
        change(() -> io(() -> history.saveSession(file)), "Saved " + file + ".", false);
    }

    /** Opens a dropped or chosen file: a session file, else a conversation export. */
    public void openFile(Path file) {
        if (SessionFile.isSessionFileName(file)) {
            openSession(file);
        } else {
            importJson(file);
        }
    }

    // ---- plumbing

    private void change(Runnable work, String done, boolean opens) {
        run(() -> {
            work.run();
            return opens ? history.chatSettings() : null;
        }, settings -> {
            notice.set(done);
            refresh();
            if (opens) onOpened.accept(settings);
        });
    }

    private <T> void run(Supplier<T> work, Consumer<T> then) {
        try {
            background.execute(() -> attempt(work, then));
        } catch (RejectedExecutionException closing) {
            // the window is closing: nothing is left to show
        }
    }

    private <T> void attempt(Supplier<T> work, Consumer<T> then) {
        try {
            T result = work.get();
            ui.run(() -> then.accept(result));
        } catch (IllegalArgumentException | IllegalStateException | FileFormatException | StoreException e) {
            ui.run(() -> notice.set(e.getMessage()));
        }
    }

    private List<Row> summaries(List<ConversationSummary> list) {
        return list.stream().map(s -> new Row(s.id(), null, s.title(), when(s.updatedAt()) + " · "
                + s.messageCount() + (s.messageCount() == 1 ? " message" : " messages"))).toList();
    }

    private static List<Row> hits(List<SearchHit> found) {
        return found.stream().map(h -> new Row(h.conversationId(), h.messageId(), h.conversationTitle(),
                h.role() + ": " + h.plainSnippet().replaceAll("\\s+", " "))).toList();
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void io(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new IllegalStateException("The file could not be written or read (" + e.getMessage()
                    + "): choose another place.", e);
        }
    }
}
