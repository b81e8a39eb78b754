package parley.ui.team;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.team.TeamService;
import parley.team.TeamShelf;
import parley.team.TeamShelf.SharedItem;
import parley.ui.UiThread;

/**
 * One kind of thing on the team's shelf, as a window's list shows it: what the team shared (newest
 * first), "Share to team" for a local one, and opening a shared one as a local copy. The workspace is
 * reached on the background executor only; results and messages reach the FX thread through {@link UiThread}.
 */
public final class SharedShelfModel {
    private final TeamService team;
    private final TeamShelf.Kind kind;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<SharedItem> items = FXCollections.observableArrayList();
    private final ObservableList<SharedItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public SharedShelfModel(TeamService team, TeamShelf.Kind kind, Executor background, UiThread ui) {
        this.team = team;
        this.kind = kind;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<SharedItem> items() { return itemsView; }
    /** What happened last, or why nothing did. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Reads the team's list anew (an empty list and a word when there is no workspace or it is away). */
    public void refresh() {
        work(() -> {
            List<SharedItem> found = shelf().list(kind);
            ui.run(() -> {
                items.setAll(found);
                message.set(found.isEmpty() ? "Nothing shared with the team yet." : "");
            });
        });
    }

    /** Copies a local thing into the workspace; {@code body} (its export JSON) is made on the background thread. */
    public void share(String id, String title, Supplier<String> body) {
        work(() -> {
            shelf().share(kind, id, title, body.get());
            List<SharedItem> found = shelf().list(kind);
            ui.run(() -> {
                items.setAll(found);
                message.set("Shared \"" + title + "\" with the team.");
            });
        });
    }

    /**
     * Fetches a shared thing and hands its JSON to {@code use} on the background thread (an import into
     * the local file); its answer goes to {@code then} on the FX thread.
     */
    public <T> void open(SharedItem item, Function<String, T> use, Consumer<T> then) {
        work(() -> {
            String body = shelf().body(kind, item.id()).orElseThrow(() -> new IllegalStateException(
                    "\"" + item.title() + "\" is no longer shared: refresh the team's list."));
            T result = use.apply(body);
            ui.run(() -> {
                message.set("");
                then.accept(result);
            });
        });
    }

    private TeamShelf shelf() {
        return team.shelf().orElseThrow(() -> new IllegalStateException(
                "Not connected to a team workspace: connect with the team button in the tool bar."));
    }

    private void work(Runnable task) {
        background.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                ui.run(() -> message.set(e.getMessage()));
            }
        });
    }
}
