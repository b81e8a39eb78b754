package parley.ui.team;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.team.TeamService;
import parley.team.TeamStatus;
import parley.team.WorkspaceUnavailable;
import parley.ui.UiThread;

/**
 * This window's link to a team workspace: its status, connecting, leaving, and sending the queued
 * ledger rows. All work with the {@link TeamService} runs on the background executor; results reach
 * the properties through {@link UiThread}. The indicator says "Team: NAME" when connected, "team
 * offline · N queued" when the workspace is away, and nothing without a workspace.
 */
public final class TeamViewModel {
    public enum State { LOADING, IDLE, BUSY }

    private final TeamService team;
    private final Executor background;
    private final UiThread ui;
    private final AtomicBoolean syncing = new AtomicBoolean();
    private final AtomicBoolean syncAgain = new AtomicBoolean();
    private volatile TeamStatus last = TeamStatus.none(0);
    private final ReadOnlyObjectWrapper<TeamStatus> status = new ReadOnlyObjectWrapper<>(this, "status", TeamStatus.none(0));
    private final ReadOnlyStringWrapper indicator = new ReadOnlyStringWrapper(this, "indicator", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);

    public TeamViewModel(TeamService team, Executor background, UiThread ui) {
        this.team = team;
        this.background = background;
        this.ui = ui;
    }

    /** Where this folder stands, as last asked. */
    public ReadOnlyObjectProperty<TeamStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** The tool bar's word on the workspace; empty without one. */
    public ReadOnlyStringProperty indicatorProperty() { return indicator.getReadOnlyProperty(); }
    /** What happened last, or what to change. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /** Asks the workspace where this folder stands (sending what is queued on the way). */
    public void refresh() {
        run(() -> new Outcome(team.status(), null));
    }

    /** Connects to the workspace; the password goes to the keyring. Bad input is refused with what to change. */
    public void connect(String url, String member, String user, String password) {
        run(() -> {
            TeamStatus connected = team.connect(url, member, user, password == null || password.isEmpty() ? null : password,
                    null);
            return new Outcome(connected, "Connected to " + connected.url() + " as " + connected.member() + ".");
        });
    }

    /** Leaves the workspace; says how many queued rows were dropped (they stay in this computer's ledger). */
    public void disconnect() {
        run(() -> {
            int dropped = team.disconnect();
            return new Outcome(team.status(), "Disconnected." + (dropped == 0 ? ""
                    : " " + dropped + (dropped == 1 ? " queued row was" : " queued rows were")
                    + " not sent to the team; they stay in this computer's ledger."));
        });
    }

    /**
     * Sends the queued ledger rows in the background; a call while a send runs makes it go once more
     * after, so no row waits for the next tick.
     */
    public void sync() {
        if (!syncing.compareAndSet(false, true)) {
            syncAgain.set(true);
            return;
        }
        background.execute(this::syncNow);
    }

    private void syncNow() {
        do {
            try {
                do {
                    syncAgain.set(false);
                    TeamStatus now = flush();
                    ui.run(() -> showSync(now));
                } while (syncAgain.get());
            } finally {
                syncing.set(false);
            }
            // a call that came between the last look and letting go is not lost
        } while (syncAgain.get() && syncing.compareAndSet(false, true));
    }

    private TeamStatus flush() {
        TeamStatus known = last;
        try {
            if (team.config().isEmpty()) return TeamStatus.none(0);
            team.flush();
            if (!known.connected()) return team.status(); // back: ask the members and schema again
            return withQueue(known, team.outbox().size(), null);
        } catch (WorkspaceUnavailable e) {
            if (!e.unreachable()) return withQueue(known, team.outbox().size(), e.getMessage()); // it answered no
            return new TeamStatus(true, false, known.url(), team.member().orElse(known.member()), null, false, null,
                    team.outbox().size(), e.getMessage());
        } catch (RuntimeException e) {
            return withQueue(known, known.queuedRows(), e.getMessage());
        }
    }

    private static TeamStatus withQueue(TeamStatus s, long queued, String problem) {
        return new TeamStatus(s.configured(), s.connected(), s.url(), s.member(), s.schemaVersion(), s.readOnly(),
                s.members(), queued, problem == null ? s.problem() : problem);
    }

    private void showSync(TeamStatus now) {
        last = now;
        status.set(now);
        indicator.set(indicatorFor(now));
    }

    private void run(Supplier<Outcome> work) {
        state.set(State.BUSY);
        background.execute(() -> {
            Outcome outcome;
            try {
                outcome = work.get();
            } catch (RuntimeException e) { // bad input or a workspace that refused: the form keeps what was typed
                outcome = new Outcome(null, e.getMessage());
            }
            Outcome done = outcome;
            ui.run(() -> show(done));
        });
    }

    private void show(Outcome outcome) {
        if (outcome.status() != null) showSync(outcome.status());
        String text = outcome.message() != null ? outcome.message()
                : outcome.status() != null && outcome.status().problem() != null ? outcome.status().problem() : "";
        message.set(text);
        state.set(State.IDLE);
    }

    /** "Team: NAME" when connected, "team offline · N queued" when away, nothing without a workspace. */
    static String indicatorFor(TeamStatus s) {
        if (!s.configured()) return "";
        if (s.connected()) return "Team: " + s.member() + (s.readOnly() ? " (read-only)" : "");
        return "team offline · " + s.queuedRows() + " queued";
    }

    private record Outcome(TeamStatus status, String message) {}
}
