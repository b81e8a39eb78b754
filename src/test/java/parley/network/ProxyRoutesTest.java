package parley.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ApiError;
import parley.api.ApiException;
import parley.api.Transport;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.store.Database;
import parley.store.OsKeyring;
import parley.store.SecretStore;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.ForwardingProxy;
import parley.testing.ForwardingProxy.Handled;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.testing.TestCa;

/**
 * Requests to a provider through a real forwarding proxy on loopback, to a TLS server whose
 * certificate a test authority signed. {@code api.test} is this machine to the JDK's resolver in
 * the tests ({@code parley.testing.TestHosts}), but not to the proxy rules, which always send
 * {@code localhost} and {@code 127.0.0.1} straight to the server.
 */
class ProxyRoutesTest {
    private static final TestCa CA = TestCa.create();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m-1\"}]}";

    @TempDir Path dir;
    private ScriptedServer server;
    private ForwardingProxy proxy;
    private Path caPem;

    @BeforeEach
    void start() {
        server = ScriptedServer.startTls(CA.serverContext()).fallback(r -> Reply.json(200, MODELS));
        caPem = CA.writeCaPem(dir.resolve("company-ca.pem"));
    }

    @AfterEach
    void stop() {
        server.close();
        if (proxy != null) proxy.close();
    }

    @Test
    void httpsProxyCarriesTheRequestThroughATunnel() throws Exception {
        proxy = ForwardingProxy.open();
        Map<String, String> env = Map.of("HTTPS_PROXY", proxy.url(), NetworkSetup.CA_FILE_ENV, caPem.toString());

        assertThat(models(env, server.baseUrl("api.test"))).contains("m-1");

        assertThat(proxy.handled()).containsExactly(new Handled("CONNECT", "api.test:" + server.port(), true));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).path()).isEqualTo("/v1/models");
    }

    @Test
    void lowerCaseHttpProxyForwardsAPlainRequest() throws Exception {
        ScriptedServer plain = ScriptedServer.start().fallback(r -> Reply.json(200, MODELS));
        proxy = ForwardingProxy.open();
        try (plain) {
            assertThat(models(Map.of("http_proxy", proxy.url()), plain.baseUrl("api.test"))).contains("m-1");
            assertThat(proxy.handled()).containsExactly(
                    new Handled("GET", "http://api.test:" + plain.port() + "/v1/models", true));
        }
    }

    @Test
    void noProxyHostsGoStraightToTheServer() throws Exception {
        proxy = ForwardingProxy.open();
        Map<String, String> env = Map.of("HTTPS_PROXY", proxy.url(), "NO_PROXY", "example.com,.test",
                NetworkSetup.CA_FILE_ENV, caPem.toString());

        assertThat(models(env, server.baseUrl("api.test"))).contains("m-1");

        assertThat(proxy.handled()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void thisMachineIsNeverReachedThroughTheProxy() throws Exception {
        proxy = ForwardingProxy.open();
        Map<String, String> env = Map.of("HTTPS_PROXY", proxy.url(), NetworkSetup.CA_FILE_ENV, caPem.toString());

        assertThat(models(env, server.baseUrl("localhost"))).contains("m-1");
        assertThat(models(env, server.baseUrl("127.0.0.1"))).contains("m-1");

        assertThat(proxy.handled()).isEmpty();
    }

    @Test
    void aServerSignedByTheCompanyAuthorityIsTrustedOnlyWithTheCaFile() throws Exception {
        assertThatThrownBy(() -> models(Map.of(), server.baseUrl("localhost")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().kind()).isEqualTo(ApiError.Kind.NETWORK));
        assertThat(server.requestCount()).isZero();

        assertThat(models(Map.of(NetworkSetup.CA_FILE_ENV, caPem.toString()), server.baseUrl("localhost"))).contains("m-1");
    }

    @Test
    void theCaFileAddsToTheDefaultTrustInsteadOfReplacingIt() throws Exception {
        var defaults = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((java.security.KeyStore) null);
        var jdk = ((javax.net.ssl.X509TrustManager) defaults.getTrustManagers()[0]).getAcceptedIssuers();

        var trust = TrustedCertificates.trustManager(List.of(CA.caCertificate()));

        assertThat(jdk).isNotEmpty();
        assertThat(trust.getAcceptedIssuers()).contains(CA.caCertificate()).contains(jdk).hasSize(jdk.length + 1);
    }

    @Test
    void credentialsInTheProxyVariableAnswerTheProxysChallenge() throws Exception {
        proxy = ForwardingProxy.requiring("alice", "s3cr:t");
        String url = "http://alice:s3cr%3At@127.0.0.1:" + proxy.port();
        Map<String, String> env = Map.of("https_proxy", url, NetworkSetup.CA_FILE_ENV, caPem.toString());

        assertThat(models(env, server.baseUrl("api.test"))).contains("m-1");

        assertThat(proxy.handled()).extracting(Handled::forwarded).containsExactly(false, true);
    }

    @Test
    void theWindowsProxyAnswersWithThePasswordFromTheSecretStore() throws Exception {
        proxyAuthWithPasswordFrom(new SessionSecrets("for this test"));
    }

    @Test
    void theWindowsProxyAnswersWithThePasswordFromTheOsKeyring() throws Exception {
        Optional<SecretStore> keyring = OsKeyring.open();
        if ("1".equals(System.getenv("PARLEY_REQUIRE_KEYRING"))) assertThat(keyring).isPresent();
        assumeTrue(keyring.isPresent(), "No OS keyring answers here; run under dbus-run-session with gnome-keyring, as .ci/run does.");
        Optional<String> before = keyring.get().get(NetworkSettingsStore.PASSWORD_ID);
        try {
            proxyAuthWithPasswordFrom(keyring.get());
        } finally {
            before.ifPresentOrElse(p -> keyring.get().put(NetworkSettingsStore.PASSWORD_ID, p),
                    () -> keyring.get().forget(NetworkSettingsStore.PASSWORD_ID));
        }
    }

    @Test
    void aWrongPasswordFailsWithoutReachingTheServer() throws Exception {
        proxy = ForwardingProxy.requiring("alice", "right");
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://alice:wrong@127.0.0.1:" + proxy.port(),
                NetworkSetup.CA_FILE_ENV, caPem.toString());

        assertThatThrownBy(() -> models(env, server.baseUrl("api.test")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().kind()).isEqualTo(ApiError.Kind.NETWORK));
        assertThat(proxy.handled()).isNotEmpty();
        assertThat(proxy.forwardedCount()).isZero();
        assertThat(server.requestCount()).isZero();
    }

    private void proxyAuthWithPasswordFrom(SecretStore secrets) throws Exception {
        proxy = ForwardingProxy.requiring("alice", "s3cret");
        try (Database db = Database.open(dir.resolve("parley.db"), Settings.MIGRATIONS);
             ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()))) {
            Settings settings = new Settings(db);
            NetworkService network = new NetworkService(new NetworkSettingsStore(settings, secrets),
                    Map.of(NetworkSetup.CA_FILE_ENV, caPem.toString()), null, clients::useTransport);
            network.save(new NetworkSettings("127.0.0.1", proxy.port(), "alice", ""), "s3cret");

            NetworkService.State reopened = new NetworkService(new NetworkSettingsStore(settings, secrets),
                    Map.of(NetworkSetup.CA_FILE_ENV, caPem.toString()), null, clients::useTransport).start();
            assertThat(reopened.passwordKept()).isTrue();
            assertThat(reopened.problem()).isNull();

            ProviderProfile profile = Providers.custom(server.baseUrl("api.test"), null);
            assertThat(clients.clientFor(profile).fetchModels().toString()).contains("m-1");
            assertThat(proxy.handled()).extracting(Handled::forwarded).containsExactly(false, true);
            assertThat(settings.withPrefix("")).as("the password never reaches the database")
                    .allSatisfy((k, v) -> assertThat(v).doesNotContain("s3cret"));
        }
    }

    private String models(Map<String, String> env, String baseUrl) throws ApiException {
        Transport transport = NetworkSetup.transport(new HashMap<>(env), NetworkSettings.NONE, Optional::empty, null);
        try (ProviderClients clients = new ProviderClients(KeyResolver.fromEnvironment(Map.of()), null, null, false, null, transport)) {
            return clients.clientFor(Providers.custom(baseUrl, null)).fetchModels().toString();
        }
    }
}
