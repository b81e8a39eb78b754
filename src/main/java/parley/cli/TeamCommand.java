package parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parley.store.Database;
import parley.team.TeamService;
import parley.team.TeamStatus;
import parley.team.WorkspaceUnavailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley team connect|status|disconnect}: this data folder's link to a team workspace, a
 * PostgreSQL database the team shares (usage ledger, budgets, prices, prompts, experiments).
 */
final class TeamCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamCommand() {}

    static CommandLine create(CliContext context) {
        CommandLine team = new CommandLine(new Group(context));
        team.addSubcommand(new Connect(context));
        team.addSubcommand(new Status(context));
        team.addSubcommand(new Disconnect(context));
        return team;
    }

    @Command(name = "team", mixinStandardHelpOptions = true,
            description = "Connect this data folder to a team workspace on PostgreSQL, see its status, or leave it.")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley team connect JDBC_URL --member NAME', 'parley team status'"
                    + " or 'parley team disconnect'.");
        }
    }

    /** A team command with the data folder's database and team service open. */
    abstract static class TeamWork extends Subcommand {
        TeamWork(CliContext context) { super(context); }

        @Override
        protected final int run() {
            try (Database db = DataHome.open(context.env(), context.err());
                 TeamService team = TeamLink.service(db, context.env())) {
                return run(team);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
        }

        abstract int run(TeamService team);
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Connect to a team workspace (the schema is created or migrated) as a member.")
    static final class Connect extends TeamWork {
        @Parameters(index = "0", paramLabel = "JDBC_URL",
                description = "e.g. jdbc:postgresql://db.example.com:5432/parley?sslmode=verify-full")
        String url;
        @Option(names = "--member", required = true, paramLabel = "NAME", description = "The name you go by in the team.")
        String member;
        @Option(names = "--user", paramLabel = "U", description = "The database user (default: the URL's, else your login name).")
        String user;
        @Option(names = "--password-env", paramLabel = "VAR",
                description = "The environment variable that holds the database password (kept in the keyring after).")
        String passwordEnv;

        Connect(CliContext context) { super(context); }

        @Override
        int run(TeamService team) {
            String password = null;
            if (passwordEnv != null) {
                password = context.env().get(passwordEnv);
                if (password == null || password.isEmpty()) {
                    throw new BadInput("the environment variable " + passwordEnv + " is not set: set it to the database"
                            + " password, or leave --password-env out for a server that needs none.");
                }
            }
            try {
                TeamStatus status = team.connect(url, member, user, password, passwordEnv);
                context.out().println("Connected to " + status.url() + " as " + status.member() + " (schema version "
                        + status.schemaVersion() + "; members: " + String.join(", ", status.members()) + ").");
                if (password != null) context.out().println(whereThePasswordIs(team));
                return OK;
            } catch (WorkspaceUnavailable e) {
                context.err().println("parley: " + e.getMessage());
                return FAILED;
            }
        }

        private String whereThePasswordIs(TeamService team) {
            if (team.keepsPassword()) return "The password is kept in the system keyring, never in a file.";
            return passwordEnv == null
                    ? "No keyring keeps the password on this system: connect with --password-env VAR to read it from VAR on each run."
                    : "No keyring keeps the password on this system: it is read from " + passwordEnv + " on each run.";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The workspace, this member, its schema version, the members and the ledger rows queued.")
    static final class Status extends TeamWork {
        @Option(names = "--json", description = "{connected, url, member, schema_version, members, queued_rows}")
        boolean json;

        Status(CliContext context) { super(context); }

        @Override
        int run(TeamService team) {
            TeamStatus status = team.status();
            if (json) {
                context.out().println(json(status));
            } else if (!status.configured()) {
                context.out().println("Not connected to a team workspace (connect with: parley team connect JDBC_URL --member NAME).");
            } else {
                print(status);
            }
            return status.configured() && !status.connected() ? FAILED : OK;
        }

        private void print(TeamStatus status) {
            context.out().println("Workspace: " + status.url());
            context.out().println("Member:    " + status.member());
            if (status.connected()) {
                context.out().println("Schema:    version " + status.schemaVersion() + (status.readOnly() ? " (read-only here)" : ""));
                context.out().println("Members:   " + String.join(", ", status.members()));
            } else {
                context.out().println("Status:    team offline");
            }
            context.out().println("Queued:    " + status.queuedRows() + " ledger row" + (status.queuedRows() == 1 ? "" : "s"));
            if (status.problem() != null) context.err().println("parley: " + status.problem());
        }

        static String json(TeamStatus status) {
            ObjectNode node = JSON.createObjectNode();
            node.put("connected", status.connected());
            node.put("url", status.url());
            node.put("member", status.member());
            if (status.schemaVersion() == null) node.putNull("schema_version"); else node.put("schema_version", status.schemaVersion());
            if (status.members() == null) {
                node.putNull("members");
            } else {
                ArrayNode members = node.putArray("members");
                status.members().forEach(members::add);
            }
            node.put("queued_rows", status.queuedRows());
            return node.toString();
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true,
            description = "Leave the workspace: its address and password are forgotten here; the rows it holds stay there.")
    static final class Disconnect extends TeamWork {
        Disconnect(CliContext context) { super(context); }

        @Override
        int run(TeamService team) {
            var config = team.config();
            if (config.isEmpty()) {
                context.out().println("Not connected to a team workspace.");
                return OK;
            }
            int dropped = team.disconnect();
            context.out().println("Left the workspace " + config.get().url() + "."
                    + (dropped == 0 ? "" : " " + dropped + " ledger row" + (dropped == 1 ? " that had" : "s that had")
                    + " not reached it stay only in this computer's ledger."));
            return OK;
        }
    }
}
