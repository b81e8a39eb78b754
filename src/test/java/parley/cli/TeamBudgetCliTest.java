package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.team.ScratchPostgres;
import parley.team.TeamTestSupport;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/** {@code parley budget}, {@code parley price … --team} and {@code parley send} under a team's budget, on a real PostgreSQL. */
class TeamBudgetCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_ENV = "PARLEY_TEST_TEAM_PASSWORD";
    private final ScriptedServer server = ScriptedServer.start();

    @TempDir Path home;

    @AfterEach
    void stop() { server.close(); }

    private Map<String, String> connected(String member, ScratchPostgres.Db db) {
        Path folder = home.resolve(member);
        try (TeamTestSupport support = TeamTestSupport.member(folder)) {
            support.team().connect(db.url(), member, db.user(), db.password(), PASSWORD_ENV);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_HOME", folder.toString());
        env.put(PASSWORD_ENV, db.password());
        return env;
    }

    private static CliRun run(Map<String, String> env, String... args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return CliRun.of(env, new LedgerHook(env, quiet, Clock.systemDefaultZone()), args);
    }

    @Test
    void budgetsAndPricesSetByOneMemberGovernTheOthersSends() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        Map<String, String> ada = connected("ada", db);
        Map<String, String> bo = connected("bo", db);

        CliRun price = run(ada, "price", "set", "tiny-llama", "--input", "1000", "--output", "1000", "--team");
        assertThat(price.code()).as(price.err()).isZero();
        assertThat(run(bo, "price", "list").out()).containsPattern("tiny-llama +any +1000 +1000 +- +team .*set by ada");
        CliRun set = run(ada, "budget", "set", "--team", "--monthly", "0.15", "--hard-stop");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("The team's budget set: $0.1500 a month, hard stop.");
        assertThat(run(ada, "budget", "set", "--member", "bo", "--monthly", "5").code()).isZero();

        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun first = run(bo, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--max-tokens", "100",
                "--message", "Hello", "--include-usage", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(JSON.readTree(first.out()).get("cost_usd").decimalValue()).isEqualByComparingTo("0.074");

        CliRun second = run(bo, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--max-tokens", "100",
                "--message", "Hello");
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("Team budget: This request could bring the spending of this month to");
        assertThat(server.requests()).hasSize(1);

        CliRun show = run(bo, "budget", "show", "--json");
        assertThat(show.code()).as(show.err()).isZero();
        JsonNode team = JSON.readTree(show.out()).get("team");
        assertThat(team.get("member").asText()).isEqualTo("bo");
        assertThat(team.get("held_usd").decimalValue()).isZero();
        assertThat(team.get("budgets")).hasSize(2);
        assertThat(team.get("budgets").get(0).get("scope").asText()).isEqualTo("team");
        assertThat(team.get("budgets").get(0).get("monthly_usd").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(team.get("budgets").get(0).get("set_by").asText()).isEqualTo("ada");
        assertThat(team.get("budgets").get(1).get("member").asText()).isEqualTo("bo");
        assertThat(JSON.readTree(show.out()).get("personal").get("monthly_usd").isNull()).isTrue();

        assertThat(run(ada, "price", "remove", "tiny-llama", "--team").code()).isZero();
        CliRun again = run(ada, "price", "remove", "tiny-llama", "--team");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("The team has no price for tiny-llama");
        try (Database local = AppDatabase.open(home.resolve("bo").resolve(Database.FILE_NAME))) {
            assertThat(new UsageLedger(local).entries(UsageFilter.ALL)).hasSize(1);
        }
    }

    @Test
    void teamOptionsWithoutAWorkspaceSayHowToConnect() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.resolve("alone").toString());
        CliRun budget = run(env, "budget", "set", "--team", "--monthly", "10");
        assertThat(budget.code()).isEqualTo(2);
        assertThat(budget.err()).contains("parley team connect JDBC_URL --member NAME");
        CliRun price = run(env, "price", "set", "m", "--input", "1", "--output", "2", "--team");
        assertThat(price.code()).isEqualTo(2);
        assertThat(price.err()).contains("not connected to a team workspace");
        CliRun bad = run(env, "budget", "set", "--personal", "--monthly", "-3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--monthly must be an amount of US dollars above zero");
        CliRun personal = run(env, "budget", "set", "--personal", "--daily", "2", "--hard-stop");
        assertThat(personal.out()).contains("Your budget set: $2.00 a day, hard stop.");
        assertThat(run(env, "budget", "show").out()).contains("Your budget: $2.00 a day, hard stop.");
    }

    @Test
    void sendIsRefusedUnderThePersonalHardStopToo() {
        Map<String, String> env = Map.of("PARLEY_HOME", home.resolve("alone").toString());
        assertThat(run(env, "price", "set", "tiny-llama", "--input", "1000", "--output", "1000").code()).isZero();
        assertThat(run(env, "budget", "set", "--personal", "--daily", "0.01", "--hard-stop").code()).isZero();
        CliRun send = run(env, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello");
        assertThat(send.code()).isEqualTo(2);
        assertThat(send.err()).contains("This request could bring the spending of today to");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void whileTheWorkspaceIsAwaySendGoesOnAndSaysTheBudgetMayBeBehind() {
        ScratchPostgres pg = ScratchPostgres.startNew();
        Map<String, String> bo = connected("bo", pg.newDatabase());
        assertThat(run(bo, "budget", "set", "--team", "--monthly", "100", "--hard-stop").code()).isZero();
        assertThat(run(bo, "price", "set", "tiny-llama", "--input", "1", "--output", "1").code()).isZero();
        pg.stop();

        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));
        CliRun send = run(bo, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hello");
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.err()).contains("parley: team offline: the team's budget may be behind.");
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
