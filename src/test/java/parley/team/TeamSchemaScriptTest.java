package parley.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The SQL script in the docs is the schema Parley migrates to, and a workspace made by it is one Parley uses as is. */
class TeamSchemaScriptTest {
    private static final Path SCRIPT = Path.of("src", "docs", "team-workspace.sql");
    private static final Path ROLE = Path.of("src", "docs", "team-workspace-role.sql");

    @Test
    void theScriptInTheDocsIsTheCurrentSchema() throws Exception {
        if ("write".equals(System.getProperty("team.script"))) Files.writeString(SCRIPT, TeamSchemaScript.render());
        assertThat(Files.readString(SCRIPT)).as("regenerate with -Dteam.script=write").isEqualTo(TeamSchemaScript.render());
    }

    @Test
    void aWorkspaceMadeByTheScriptIsAtTheLatestVersionAndNeedsNoMigration() throws Exception {
        ScratchPostgres pg = ScratchPostgres.shared();
        ScratchPostgres.Db db = pg.newDatabase();
        try (Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute(TeamSchemaScript.render());
        }
        WorkspaceConfig config = new WorkspaceConfig(db.url(), db.user(), "ada", null);
        try (Workspace ws = Workspace.open(config, db.password())) {
            SchemaState state = ws.prepare();
            assertThat(state.version()).isEqualTo(TeamSchema.latest());
            assertThat(state.readOnly()).isFalse();
        }
    }

    @Test
    void theRoleOfTheDocsMayReadAndWriteParleysTablesOnceTheSchemaIsThereAndCreateNothing() throws Exception {
        ScratchPostgres pg = ScratchPostgres.shared();
        ScratchPostgres.Db owner = pg.newDatabase();
        String database = owner.url().substring(owner.url().lastIndexOf('/') + 1);
        try (Connection c = java.sql.DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             Statement st = c.createStatement()) {
            st.execute(TeamSchemaScript.render());
        }
        String member = database + "_m";
        try (Connection admin = pg.admin(database); Statement st = admin.createStatement()) {
            String role = Files.readString(ROLE).replace("parley_member", member).replace("CHANGE-ME", "member-password")
                    .replace("DATABASE parley ", "DATABASE " + database + " ");
            st.execute(role);
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        try (Workspace ws = Workspace.open(new WorkspaceConfig(owner.url(), member, "ada", null), "member-password")) {
            assertThat(ws.prepare().version()).isEqualTo(TeamSchema.latest());
            ws.write(c -> c.createStatement().executeUpdate("INSERT INTO team_member VALUES ('ada', 'here', 1, 1)"));
            assertThat(TeamService.members(ws)).containsExactly("ada");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ws.write(c -> c.createStatement().execute("CREATE TABLE x (y INT)")))
                    .hasMessageContaining("permission denied");
        }
    }
}
