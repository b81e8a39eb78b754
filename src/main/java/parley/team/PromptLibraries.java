package parley.team;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import parley.prompt.Author;
import parley.prompt.PromptDraft;
import parley.prompt.PromptLibrary;
import parley.prompt.PromptSharing;
import parley.prompt.PromptVersion;
import parley.store.Database;

/**
 * The two prompt libraries of a data folder: the personal one in the local file, always there, and
 * the team's in the workspace this folder is connected to. A team call when the workspace cannot be
 * reached throws {@link TeamOffline} (and marks the team offline); one when no workspace is set up
 * says how to connect. Every call reaches a database: never on the JavaFX thread.
 */
public final class PromptLibraries {
    private final PromptLibrary personal;
    private final TeamService team;
    private final Clock clock;

    public PromptLibraries(Database database, TeamService team, Clock clock) {
        this.personal = new PromptLibrary(database, Author.PERSONAL, clock);
        this.team = team;
        this.clock = clock;
    }

    public PromptLibrary personal() {
        return personal;
    }

    /** True when this data folder is connected to a team workspace (reaches no server). */
    public boolean teamConfigured() {
        return team.member().isPresent();
    }

    /** The team's library, each call made through {@link #onTeam}. */
    public TeamLibrary team() {
        return new TeamLibrary();
    }

    /** The library the scope names. */
    public Library library(boolean ofTeam) {
        return ofTeam ? team() : new Library() {
            @Override
            public <T> T call(Function<PromptLibrary, T> work) {
                return work.apply(personal);
            }
        };
    }

    /** Copies the personal prompt {@code name} with its history to the team (see {@link PromptSharing}). */
    public List<PromptVersion> share(String name) {
        return onTeam(library -> PromptSharing.share(personal, library, name));
    }

    /** Runs {@code work} on the team's library, turning an unreachable workspace into {@link TeamOffline}. */
    public <T> T onTeam(Function<PromptLibrary, T> work) {
        String member = team.member().orElseThrow(() -> new IllegalArgumentException(
                "This computer is not connected to a team workspace: connect with 'parley team connect JDBC_URL --member NAME'."));
        try {
            Workspace workspace = team.workspace().orElseThrow();
            T result = work.apply(new PromptLibrary(workspace, new Author(member, Computer.name()), clock));
            team.noteProblem(null);
            return result;
        } catch (WorkspaceUnavailable e) {
            if (!e.unreachable()) throw e;
            team.noteProblem(e.getMessage());
            throw new TeamOffline("team offline: " + e.getMessage(), e);
        }
    }

    /** A library reached through a call that may fail as a whole (the team's) or not (the personal one). */
    public interface Library {
        <T> T call(Function<PromptLibrary, T> work);
    }

    /** The team's library with the calls the window and the commands make. */
    public final class TeamLibrary implements Library {
        @Override
        public <T> T call(Function<PromptLibrary, T> work) {
            return onTeam(work);
        }

        public List<PromptVersion> list() { return call(PromptLibrary::list); }

        public List<PromptVersion> history(String name) { return call(l -> l.history(name)); }

        public Optional<PromptVersion> show(String name) { return call(l -> l.show(name)); }

        public PromptLibrary.Saved save(String name, PromptDraft draft) { return call(l -> l.save(name, draft)); }
    }
}
