package parley.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import parley.network.NetworkService;
import parley.network.NetworkSettingsStore;
import parley.store.Database;
import parley.store.SecretStore;
import parley.store.Settings;
import parley.team.TeamService;
import parley.team.TeamSettings;
import parley.team.WorkspaceUnavailable;

/** The command line's way to the team workspace of the data folder, when it has one. */
final class TeamLink {
    private TeamLink() {}

    /** The data folder's team service; the keyring is asked only when a workspace is configured. */
    static Optional<TeamService> open(Database db, Map<String, String> env) {
        if (new Settings(db).getString(TeamSettings.MEMBER).isEmpty()) return Optional.empty();
        return Optional.of(service(db, env));
    }

    /** The team service of the data folder, configured or not; TLS trusts the company CA file of the network settings. */
    static TeamService service(Database db, Map<String, String> env) {
        SecretStore secrets = SecretStore.open();
        NetworkService network = new NetworkService(new NetworkSettingsStore(new Settings(db), secrets), env, null, t -> { });
        return new TeamService(db, secrets, env, Clock.systemDefaultZone(), network::caFile);
    }

    /**
     * Sends the ledger rows this run queued for the workspace. When it is away they stay queued for the
     * next run or the window, and one line says so; the command's own outcome does not change.
     */
    static void sendQueued(Database db, Map<String, String> env, PrintStream err) {
        Optional<TeamService> team;
        try {
            team = open(db, env);
        } catch (RuntimeException e) {
            return;
        }
        if (team.isEmpty()) return;
        try (TeamService service = team.get()) {
            service.flush();
        } catch (WorkspaceUnavailable e) {
            long queued = team.get().outbox().size();
            err.println("parley: team offline: " + queued + " ledger row" + (queued == 1 ? " is" : "s are")
                    + " queued and will reach the workspace when it is back (" + Subcommand.oneLine(e) + ")");
        }
    }
}
