package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

class ModelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listsAnOpenAiCompatibleServersModels() {
        server.enqueue(Reply.recording("llama-server/models.txt", 0));

        CliRun run = CliRun.of(Map.of(), "models", "--base-url", server.baseUrl());

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("tiny-llama  2048 tokens context\n");
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/models");
    }

    @Test
    void atlasCloudsListCarriesReadinessAndPricesInJson() throws Exception {
        server.enqueue(Reply.json(200, """
                {"code":200,"msg":"ok","data":[
                 {"model":"deepseek-ai/deepseek-v3.2-speciale","display_console":true,"is_ready":true,
                  "price":{"actual":{"input_price":0.4,"output_price":1.2}}},
                 {"model":"hidden","display_console":false,"is_ready":true}]}"""));

        CliRun run = CliRun.of(Map.of("K", "sk-k"), "models", "--base-url", server.baseUrl(), "--key-env", "K", "--json");

        assertThat(run.code()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.path("base_url").asText()).isEqualTo(server.baseUrl());
        JsonNode models = root.path("models");
        assertThat(models).hasSize(1);
        assertThat(models.path(0).path("id").asText()).isEqualTo("deepseek-ai/deepseek-v3.2-speciale");
        assertThat(models.path(0).path("ready").asBoolean()).isTrue();
        assertThat(models.path(0).path("input_price").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(models.path(0).path("output_price").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(server.requests().getFirst().header("authorization")).isEqualTo("Bearer sk-k");
    }

    @Test
    void aRefusalExitsOneWithTheProvidersMessage() {
        server.enqueue(Reply.json(401, "{\"code\":401,\"msg\":\"invalid token\"}"));

        CliRun run = CliRun.of(Map.of(), "models", "--base-url", server.baseUrl(), "--api-key", "sk-bad");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("parley: ").contains("invalid token").doesNotContain("sk-bad");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownProviderIsBadInput() {
        CliRun run = CliRun.of(Map.of(), "models", "--provider", "nope");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown provider 'nope'");
    }

    @Test
    void noSubcommandOrAnUnknownOneIsBadInput() {
        assertThat(CliRun.of(Map.of(), "--bogus").code()).isEqualTo(2);
        CliRun unknown = CliRun.of(Map.of(), "sned");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
    }
}
