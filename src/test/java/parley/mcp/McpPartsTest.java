package parley.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts: the mcpServers block, the tools' request names, the 1 MB cut, the argument check. */
class McpPartsTest {
    @Test
    void readsTheSeedPagesBlock() throws Exception {
        String block = """
                {
                  "mcpServers": {
                    "atlascloud": {
                      "command": "npx",
                      "args": [
                        "-y",
                        "atlascloud-mcp"
                      ],
                      "env": {
                        "ATLASCLOUD_API_KEY": "your-api-key-here"
                      }
                    }
                  }
                }
                """; // as the provider's page gives it

        List<ServerConfig> servers = ServersBlock.parse(block);

        assertThat(servers).hasSize(1);
        ServerConfig atlas = servers.getFirst();
        assertThat(atlas.name()).isEqualTo("atlascloud");
        assertThat(atlas.command()).isEqualTo("npx");
        assertThat(atlas.args()).containsExactly("-y", "atlascloud-mcp");
        assertThat(atlas.env()).containsEntry("ATLASCLOUD_API_KEY", "your-api-key-here");
        assertThat(atlas.enabled()).isTrue();
    }

    @Test
    void readsUrlServersAndRefusesWhatItCannotUseWithAMessage() {
        List<ServerConfig> servers = ServersBlock.parse("""
                {"mcpServers": {"web": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer x"}},
                                "off": {"command": "uvx", "args": ["tool"], "disabled": true}}}""");

        assertThat(servers.get(0).url()).isEqualTo("https://mcp.example.com/mcp");
        assertThat(servers.get(0).headers()).containsEntry("Authorization", "Bearer x");
        assertThat(servers.get(1).enabled()).isFalse();
        assertThatThrownBy(() -> ServersBlock.parse("{\"mcpServers\": {\"a\": {\"args\": []}}}"))
                .hasMessage("The server \"a\" has neither \"command\" nor \"url\".");
        assertThatThrownBy(() -> ServersBlock.parse("not json")).hasMessageStartingWith("This is not JSON (");
        assertThatThrownBy(() -> ServersBlock.parse("{\"mcpServers\": {\"a b\": {\"command\": \"x\"}}}"))
                .hasMessageContaining("use 1 to 32 letters, digits, '_' or '-'");
        assertThatThrownBy(() -> ServersBlock.parse("{\"mcpServers\": {\"s\": {\"url\": \"http://h/sse\", \"type\": \"sse\"}}}"))
                .hasMessageContaining("old SSE transport");
        assertThatThrownBy(() -> ServerConfig.http("w", "ftp://host/mcp", Map.of()))
                .hasMessage("The url of w must start with http:// or https:// and name a host.");
    }

    @Test
    void toolNamesAreUniqueAndKeepToTheApisLetters() {
        Map<String, String> names = ToolNames.unique("srv", List.of("get-sum", "a.b", "a_b", "x".repeat(80), "x".repeat(81)));

        assertThat(names.get("get-sum")).isEqualTo("srv__get-sum");
        assertThat(names.get("a.b")).isEqualTo("srv__a_b");
        assertThat(names.get("a_b")).isEqualTo("srv__a_b_2");
        assertThat(names.values()).allSatisfy(n -> assertThat(n).matches("^[a-zA-Z0-9_-]{1,64}$")).doesNotHaveDuplicates();
    }

    @Test
    void aResultOverOneMegabyteIsCutWithANote() {
        List<ResultPart> parts = List.of(new ResultPart.Text("a".repeat(Results.LIMIT - 10)), new ResultPart.Text("b".repeat(100)),
                new ResultPart.Image("image/png", "c".repeat(1000)));

        List<ResultPart> cut = Results.cut(parts);

        ToolResult result = new ToolResult(cut, false, Duration.ZERO);
        assertThat(result.text().length()).isLessThan(Results.LIMIT + 200);
        assertThat(result.text()).endsWith("[Parley cut this result: it was " + (Results.LIMIT + 1090)
                + " characters, over the limit of " + Results.LIMIT + " (1 MB).]");
        assertThat(result.images()).isEmpty();
        assertThat(Results.cut(List.of(new ResultPart.Text("small")))).containsExactly(new ResultPart.Text("small"));
    }

    @Test
    void argumentsAreCheckedAgainstTheSchema() throws Exception {
        var schema = new ObjectMapper().readTree("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {"a": {"type": "number"}, "b": {"type": "number"}}, "required": ["a", "b"]}""");
        ArgumentCheck check = new ArgumentCheck();

        assertThat(check.check(schema, "{\"a\": 1, \"b\": 2}")).isInstanceOf(ArgumentCheck.Accepted.class);
        assertThat(check.check(schema, "{\"a\": \"x\"}")).isInstanceOfSatisfying(ArgumentCheck.Refused.class, r ->
                assertThat(String.join("\n", r.violations())).contains("a").contains("b"));
        assertThat(check.check(schema, "[1]")).isInstanceOfSatisfying(ArgumentCheck.Refused.class, r ->
                assertThat(r.violations()).containsExactly("the arguments must be a JSON object, e.g. {\"name\": \"value\"}"));
    }
}
