package parley.team;

import java.time.Clock;
import java.util.function.Supplier;
import parley.store.Database;
import parley.store.Settings;
import parley.usage.GroupBy;
import parley.usage.UsageReader;
import parley.usage.UsageScopes;
import parley.usage.UsageService;

/**
 * The usage panel's scopes over this data folder: with a team workspace set up, "me" (this member's
 * rows of the team's ledger and those still queued) and the team; without one, the personal ledger.
 * The team's service is made only once a workspace is set up ({@code team} may ask the keyring, which
 * can take seconds): without one, nothing but the local settings is read.
 */
public final class TeamUsageScopes implements UsageScopes, AutoCloseable {
    private final Settings settings;
    private final Supplier<TeamService> open;
    private final UsageService personal;
    private final Clock clock;
    private TeamService team;
    private TeamUsageReader me;
    private TeamUsageReader everyone;

    public TeamUsageScopes(Database database, Supplier<TeamService> team, UsageService personal, Clock clock) {
        this.settings = new Settings(database);
        this.open = team;
        this.personal = personal;
        this.clock = clock;
    }

    /** This member's name in the workspace, or {@link GroupBy#ME} without one. */
    public String member() {
        return settings.getString(TeamSettings.MEMBER).orElse(GroupBy.ME);
    }

    @Override
    public boolean teamConfigured() {
        return settings.getString(TeamSettings.URL).isPresent() && settings.getString(TeamSettings.MEMBER).isPresent();
    }

    @Override
    public synchronized UsageReader reader(boolean wholeTeam) {
        if (!teamConfigured()) return personal;
        if (me == null) {
            me = TeamUsageReader.me(team(), personal, clock);
            everyone = TeamUsageReader.team(team(), personal, clock);
        }
        return wholeTeam ? everyone : me;
    }

    private synchronized TeamService team() {
        if (team == null) team = open.get();
        return team;
    }

    /** The team's service belongs to whoever gave it (the window closes its one service itself). */
    @Override
    public void close() {
        // nothing of its own to close
    }
}
