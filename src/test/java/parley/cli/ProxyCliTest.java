package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.ForwardingProxy;
import parley.testing.ForwardingProxy.Handled;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.testing.TestCa;

/** The command line honours the proxy variables and PARLEY_CA_FILE, through the same code as the window. */
class ProxyCliTest {
    private static final TestCa CA = TestCa.create();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m-1\"}]}";
    private static final String REPLY = """
            {"id":"c1","object":"chat.completion","model":"m-1","choices":[{"index":0,
             "message":{"role":"assistant","content":"through the proxy"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}}""";

    @TempDir Path dir;
    private ScriptedServer server;
    private ForwardingProxy proxy;
    private String caPem;

    @BeforeEach
    void start() {
        server = ScriptedServer.startTls(CA.serverContext());
        caPem = CA.writeCaPem(dir.resolve("ca.pem")).toString();
    }

    @AfterEach
    void stop() {
        server.close();
        if (proxy != null) proxy.close();
    }

    @Test
    void modelsGoThroughHttpsProxyAndTrustTheCaFile() {
        proxy = ForwardingProxy.open();
        server.enqueue(Reply.json(200, MODELS));

        CliRun run = CliRun.of(Map.of("HTTPS_PROXY", proxy.url(), "PARLEY_CA_FILE", caPem),
                "models", "--base-url", server.baseUrl("api.test"));

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("m-1\n");
        assertThat(proxy.handled()).containsExactly(new Handled("CONNECT", "api.test:" + server.port(), true));
    }

    @Test
    void sendGoesThroughTheProxyUnlessNoProxyListsTheHost() {
        proxy = ForwardingProxy.open();
        server.fallback(r -> Reply.json(200, REPLY));
        String[] send = {"send", "--base-url", server.baseUrl("api.test"), "--model", "m-1", "--message", "hi", "--no-stream"};

        CliRun proxied = CliRun.of(Map.of("https_proxy", proxy.url(), "PARLEY_CA_FILE", caPem), send);
        CliRun direct = CliRun.of(Map.of("https_proxy", proxy.url(), "no_proxy", "api.test", "PARLEY_CA_FILE", caPem), send);

        assertThat(proxied.code()).isZero();
        assertThat(proxied.out()).isEqualTo("through the proxy\n");
        assertThat(direct.code()).isZero();
        assertThat(proxy.forwardedCount()).as("only the first went through the proxy").isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void withoutTheCaFileTheCompanyCertificateIsRefused() {
        server.enqueue(Reply.json(200, MODELS));

        CliRun run = CliRun.of(Map.of(), "models", "--base-url", server.baseUrl("localhost"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("parley: ");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aCaFileThatCannotBeUsedIsBadInputAndNothingIsSent() {
        CliRun missing = CliRun.of(Map.of("PARLEY_CA_FILE", dir.resolve("missing.pem").toString()),
                "models", "--base-url", server.baseUrl("localhost"));
        CliRun socks = CliRun.of(Map.of("ALL_PROXY", "socks5://127.0.0.1:1080"),
                "models", "--base-url", server.baseUrl("localhost"));

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("PARLEY_CA_FILE").contains("does not exist");
        assertThat(socks.code()).isEqualTo(2);
        assertThat(socks.err()).contains("ALL_PROXY").contains("http://HOST:PORT");
        assertThat(server.requestCount()).isZero();
    }

    /**
     * A fresh JVM started like the installed app, without this test JVM's options: Main lets Basic
     * answer the proxy's 407 for a CONNECT tunnel, which the JDK refuses by default.
     */
    @Test
    void mainAnswersAProxysBasicChallengeForATunnel() throws Exception {
        proxy = ForwardingProxy.requiring("alice", "s3cret");
        server.enqueue(Reply.json(200, MODELS));
        ProcessBuilder java = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "parley.Main",
                "models", "--base-url", server.baseUrl("api.test")))
                .redirectErrorStream(true);
        java.environment().put("HTTPS_PROXY", "http://alice:s3cret@127.0.0.1:" + proxy.port());
        java.environment().put("PARLEY_CA_FILE", caPem);
        java.environment().put("PARLEY_HOME", dir.resolve("home").toString());

        Process process = java.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).isEqualTo("m-1\n");
        assertThat(process.exitValue()).isZero();
        assertThat(proxy.handled()).extracting(Handled::forwarded).containsExactly(false, true);
    }

    @Test
    void theTestClassPathReachesTheChildJvm() {
        assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
                .anySatisfy(entry -> assertThat(entry).endsWith("test-classes"));
    }
}
