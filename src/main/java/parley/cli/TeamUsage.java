package parley.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import parley.store.Database;
import parley.team.TeamBudgetGuard;
import parley.team.TeamPriceCache;
import parley.team.TeamService;
import parley.team.Workspace;
import parley.usage.SharedBudget;
import parley.usage.SharedPrices;

/**
 * The team's prices and budget as a command sees them, over the data folder's team service;
 * nothing at all when the folder is not connected (then the keyring is not even asked).
 */
final class TeamUsage implements AutoCloseable {
    static final String NOT_CONNECTED = "This data folder is not connected to a team workspace: connect it with "
            + "'parley team connect JDBC_URL --member NAME'.";

    private final Database database;
    private final TeamService service;
    private final Clock clock = Clock.systemDefaultZone();
    private boolean away;

    private TeamUsage(Database database, TeamService service) {
        this.database = database;
        this.service = service;
    }

    static TeamUsage over(Database database, Map<String, String> env) {
        return new TeamUsage(database, TeamLink.open(database, env).orElse(null));
    }

    boolean connected() {
        return service != null;
    }

    /** This member's name; bad input when not connected. */
    String member() {
        if (service == null) throw new BadInput(NOT_CONNECTED);
        return service.member().orElseThrow(() -> new BadInput(NOT_CONNECTED));
    }

    /** The workspace; bad input when not connected. */
    Workspace workspace() {
        if (service == null) throw new BadInput(NOT_CONNECTED);
        return service.workspace().orElseThrow(() -> new BadInput(NOT_CONNECTED));
    }

    /** The team's prices, read now; when the workspace cannot be reached, says so on {@code err} and has none. */
    SharedPrices prices(PrintStream err) {
        if (service == null) return SharedPrices.NONE;
        TeamPriceCache cache = new TeamPriceCache(service, clock);
        away = !cache.refresh();
        if (away) err.println("parley: team offline: the team's prices could not be read; yours apply");
        return cache;
    }

    /** The team's budget; judged on the figures last known without trying again when the prices just found the workspace away. */
    SharedBudget budget() {
        if (service == null) return SharedBudget.NONE;
        TeamBudgetGuard guard = new TeamBudgetGuard(service, database, clock);
        return away ? guard::admitOffline : guard;
    }

    @Override
    public void close() {
        if (service != null) service.close();
    }
}
