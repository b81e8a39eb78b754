package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.codegen.CodeLanguages;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;

class CodeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("MY_KEY", "sk-test-123");
    private static final String TRICKY = "Say \"hi\" & 'bye' $(whoami) `id` !! \\ 👋 你好\nsecond line";

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listNamesEveryLanguage() {
        CliRun run = CliRun.of(ENV, "code", "--lang", "list");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines().map(l -> l.split("\\s+")[0]))
                .containsExactly("curl", "python-openai", "python-requests", "node-openai", "node-fetch", "java", "go", "csharp");
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheValidNames() {
        CliRun run = CliRun.of(ENV, "code", "--lang", "cobol", "--message", "hi");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("cobol").contains(CodeLanguages.ids());
    }

    @Test
    void theDefaultProviderCodeReadsItsKeyVariableAndNeedsNoKeyToPrint() {
        CliRun run = CliRun.of(Map.of(), "code", "--lang", "python-requests", "--message", "hello",
                "--temperature", "0.7", "--max-tokens", "1024", "--no-stream");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("url = \"https://api.atlascloud.ai/v1/chat/completions\"")
                .contains("api_key = os.environ.get(\"ATLASCLOUD_API_KEY\")")
                .contains("\"model\": \"deepseek-ai/deepseek-v3.2-speciale\"")
                .contains("\"temperature\": 0.7")
                .doesNotContain("top_p");
    }

    @Test
    void theKeyItselfNeverAppearsOnlyTheVariableItCameFrom() {
        CliRun run = CliRun.of(ENV, "code", "--lang", "node-fetch", "--key-env", "MY_KEY", "--message", "hi");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("process.env.MY_KEY").doesNotContain("sk-test-123");

        CliRun typed = CliRun.of(ENV, "code", "--lang", "curl", "--api-key", "sk-typed-456", "--message", "hi");
        assertThat(typed.code()).as(typed.err()).isZero();
        assertThat(typed.out()).doesNotContain("sk-typed-456").contains("${ATLASCLOUD_API_KEY}");
    }

    @Test
    void aValueOutOfBoundsIsRefusedAsSendRefusesIt() {
        CliRun run = CliRun.of(ENV, "code", "--lang", "go", "--message", "hi", "--temperature", "2.5");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("temperature");
    }

    @Test
    void theCurlBodyIsTheBodySendPosts() throws Exception {
        server.fallback(r -> Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        String[] options = {"--base-url", server.baseUrl(), "--key-env", "MY_KEY", "--model", "tiny",
                "--system", "Be brief.", "--message", TRICKY, "--max-tokens", "64", "--temperature", "0.3",
                "--top-p", "0.9", "--frequency-penalty", "0.1", "--presence-penalty", "-0.1",
                "--stop", "END", "--stop", "\n\n", "--stream", "--include-usage"};

        CliRun send = CliRun.of(ENV, concat(new String[] {"send"}, options));
        Recorded posted = server.takeRequest(5, TimeUnit.SECONDS);
        CliRun code = CliRun.of(ENV, concat(new String[] {"code", "--lang", "curl"}, options));

        assertThat(send.code()).as(send.err()).isZero();
        assertThat(code.code()).as(code.err()).isZero();
        assertThat(code.out()).contains("\ncurl '" + server.baseUrl() + "/chat/completions'")
                .contains("Authorization: Bearer ${MY_KEY}");
        assertThat(JSON.readTree(curlBody(code.out()))).isEqualTo(JSON.readTree(posted.bodyText()));
    }

    /** The JSON between --data-raw ' and the quote after its closing brace (the only one at the start of
     *  a line), with the shell's '\'' turned back into '. */
    private static String curlBody(String curl) {
        String start = "--data-raw '";
        String quoted = curl.substring(curl.indexOf(start) + start.length(), curl.indexOf("\n}'") + 2);
        return quoted.replace("'\\''", "'");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
