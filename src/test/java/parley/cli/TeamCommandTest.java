package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.team.ScratchPostgres;
import parley.testing.ScriptedServer.Reply;
import parley.testing.ScriptedServer;

/** {@code parley team} end to end: two data folders join one workspace, send, and see each other's rows. */
class TeamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();

    @TempDir Path home;

    @AfterEach
    void stop() { server.close(); }

    private Map<String, String> env(String member, ScratchPostgres.Db db) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_HOME", home.resolve(member).toString());
        env.put("TEAM_DB_PASSWORD", db.password());
        return env;
    }

    private CliRun send(Map<String, String> env) {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env, new LedgerHook(env, err, Clock.systemDefaultZone()),
                "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello", "--include-usage");
    }

    @Test
    void twoMembersConnectSendAndSeeOneLedger() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Map<String, String> ada = env("ada", db);
        Map<String, String> bo = env("bo", db);
        CliRun connect = CliRun.of(ada, "team", "connect", db.url(), "--member", "ada", "--user", db.user(),
                "--password-env", "TEAM_DB_PASSWORD");
        assertThat(connect.code()).as(connect.err()).isZero();
        assertThat(connect.out()).contains("Connected to " + db.url() + " as ada");
        assertThat(CliRun.of(bo, "team", "connect", db.url(), "--member", "bo", "--user", db.user(),
                "--password-env", "TEAM_DB_PASSWORD").code()).isZero();

        assertThat(send(ada).code()).isZero();
        assertThat(send(bo).code()).isZero();
        assertThat(send(bo).code()).isZero();

        CliRun status = CliRun.of(ada, "team", "status", "--json");
        assertThat(status.code()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("connected").asBoolean()).isTrue();
        assertThat(json.get("url").asText()).isEqualTo(db.url());
        assertThat(json.get("member").asText()).isEqualTo("ada");
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("members")).hasSize(2);
        assertThat(json.get("members").get(0).asText()).isEqualTo("ada");
        assertThat(json.get("queued_rows").asLong()).isZero();
        try (var c = ScratchPostgres.shared().admin(db.user()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT member, count(*) FROM team_ledger GROUP BY member ORDER BY member")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) rows.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            assertThat(rows.toString()).isEqualTo("ada=1 bo=2 ");
        }

        CliRun leave = CliRun.of(bo, "team", "disconnect");
        assertThat(leave.out()).contains("Left the workspace " + db.url());
        CliRun after = CliRun.of(bo, "team", "status", "--json");
        assertThat(JSON.readTree(after.out()).get("connected").asBoolean()).isFalse();
        assertThat(JSON.readTree(after.out()).get("url").isNull()).isTrue();
        assertNoPasswordIn(home, db.password());
    }

    @Test
    void aWorkspaceThatIsAwayQueuesTheSendAndSaysSo() throws Exception {
        ScratchPostgres own = ScratchPostgres.startNew();
        ScratchPostgres.Db db = own.newDatabase();
        Map<String, String> ada = env("ada", db);
        assertThat(CliRun.of(ada, "team", "connect", db.url(), "--member", "ada", "--user", db.user(),
                "--password-env", "TEAM_DB_PASSWORD").code()).isZero();
        own.stop();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun sent = CliRun.of(ada, new LedgerHook(ada, err, Clock.systemDefaultZone()),
                "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello");
        assertThat(sent.code()).isZero();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("team offline: 1 ledger row is queued");
        CliRun away = CliRun.of(ada, "team", "status", "--json");
        assertThat(away.code()).isEqualTo(1);
        assertThat(JSON.readTree(away.out()).get("queued_rows").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(away.out()).get("members").isNull()).isTrue();
        own.start();
        CliRun back = CliRun.of(ada, "team", "status");
        assertThat(back.code()).isZero();
        assertThat(back.out()).contains("Queued:    0 ledger rows", "Members:   ada");
    }

    @Test
    void noProviderKeyEverReachesTheWorkspace() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Map<String, String> ada = env("ada", db);
        assertThat(CliRun.of(ada, "team", "connect", db.url(), "--member", "ada", "--user", db.user(),
                "--password-env", "TEAM_DB_PASSWORD").code()).isZero();
        String key = "provider-key-" + java.util.UUID.randomUUID();
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CliRun sent = CliRun.of(ada, new LedgerHook(ada, err, Clock.systemDefaultZone()), "send", "--base-url",
                server.baseUrl(), "--api-key", key, "--model", "tiny-llama", "--message", "Hello", "--include-usage");
        assertThat(sent.code()).isZero();
        assertThat(server.requests().getLast().headers().toString()).contains(key);
        StringBuilder everything = new StringBuilder();
        try (var c = ScratchPostgres.shared().admin(db.user()); var st = c.createStatement();
             var tables = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) names.add(tables.getString(1));
            for (String table : names) {
                try (var rows = c.createStatement().executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) everything.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(everything.toString()).contains("tiny-llama").doesNotContain(key).doesNotContain(db.password());
    }

    @Test
    void badInputSaysWhatToChange() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        CliRun noEnv = CliRun.of(env, "team", "connect", "jdbc:postgresql://127.0.0.1:1/x", "--member", "ada",
                "--password-env", "NOT_SET_ANYWHERE");
        assertThat(noEnv.code()).isEqualTo(2);
        assertThat(noEnv.err()).contains("NOT_SET_ANYWHERE is not set");
        CliRun badUrl = CliRun.of(env, "team", "connect", "postgres://h/db", "--member", "ada");
        assertThat(badUrl.code()).isEqualTo(2);
        assertThat(badUrl.err()).contains("should start with jdbc:postgresql://");
        CliRun unreachable = CliRun.of(env, "team", "connect", "jdbc:postgresql://127.0.0.1:1/x", "--member", "ada");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot be reached");
        assertThat(CliRun.of(env, "team", "status").out()).contains("Not connected to a team workspace");
    }

    static void assertNoPasswordIn(Path folder, String password) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(password);
            }
        }
    }

}
