package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ExtendedParameters;
import parley.api.Tool;

/** The tool loop's snippets name the MCP servers the tools come from in a comment, and wire nothing to them. */
class McpNoteTest {
    private static CodeRequest withTools(String... names) {
        List<Tool> tools = java.util.Arrays.stream(names).map(n -> Tool.function(n, null, null)).toList();
        ChatRequest request = ChatRequest.of("deepseek-chat", List.of(ChatMessage.user("What is 2 + 3?")))
                .withExtended(ExtendedParameters.NONE.withTools(tools, null, null));
        return new CodeRequest(Scenarios.ATLAS, Scenarios.ATLAS_KEY, request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-openai", "node-openai"})
    void toolsOfMcpServersAreNamedInAComment(String language) {
        String code = CodeLanguages.find(language).orElseThrow()
                .generate(withTools("everything__get-sum", "get_time", "atlas__atlas_chat", "everything__echo"));

        String marker = language.startsWith("python") ? "#" : "//";
        assertThat(code).contains(marker + " Tools named SERVER__TOOL come from the MCP servers everything, atlas (Parley's MCP panel).")
                .contains(marker + " This example does not start them")
                .doesNotContain("npx").doesNotContain("modelcontextprotocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-openai", "node-openai"})
    void handWrittenToolsGetNoComment(String language) {
        String code = CodeLanguages.find(language).orElseThrow().generate(withTools("get_time", "_private", "end__"));

        assertThat(code).doesNotContain("MCP");
    }
}
