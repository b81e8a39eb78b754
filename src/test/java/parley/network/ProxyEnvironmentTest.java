package parley.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEnvironmentTest {
    @Test
    void eachSchemeHasItsOwnVariable() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("HTTPS_PROXY", "http://secure.proxy:3128",
                "HTTP_PROXY", "plain.proxy:8080"));
        assertThat(env.forScheme("https")).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("secure.proxy:3128"));
        assertThat(env.forScheme("http")).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("plain.proxy:8080"));
    }

    @Test
    void theLowerCaseFormWinsAndEmptyCountsAsNotSet() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2",
                "http_proxy", "", "HTTP_PROXY", "http://upper-http:3"));
        assertThat(env.https().host()).isEqualTo("lower");
        assertThat(env.http().host()).as("an empty lower-case value does not hide the capital one").isEqualTo("upper-http");
    }

    @Test
    void allProxyServesASchemeWithoutItsOwn() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("ALL_PROXY", "http://everything:3128", "http_proxy", "http://plain:80"));
        assertThat(env.https().host()).isEqualTo("everything");
        assertThat(env.http().host()).isEqualTo("plain");
    }

    @Test
    void userAndPasswordArePercentDecodedAndNeverShown() {
        ProxyAddress proxy = ProxyEnvironment.read(Map.of("https_proxy", "http://dom%5Calice:p%40ss%3Aword@proxy:3128")).https();
        assertThat(proxy.user()).isEqualTo("dom\\alice");
        assertThat(proxy.password()).isEqualTo("p@ss:word");
        assertThat(proxy.toString()).doesNotContain("p@ss").contains("dom\\alice");
    }

    @Test
    void withoutAPortAnHttpProxyListensOn80() {
        assertThat(ProxyEnvironment.read(Map.of("HTTPS_PROXY", "proxy.corp")).https().port()).isEqualTo(80);
    }

    @Test
    void aProxyThatIsNotHttpIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ProxyEnvironment.read(Map.of("ALL_PROXY", "socks5://127.0.0.1:1080")))
                .hasMessageContaining("ALL_PROXY").hasMessageContaining("socks5").hasMessageContaining("http://HOST:PORT");
        assertThatThrownBy(() -> ProxyEnvironment.read(Map.of("https_proxy", "http://u:secret@:80")))
                .hasMessageContaining("https_proxy").hasMessageNotContaining("secret");
    }

    @Test
    void noVariablesNoProxies() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("PATH", "/usr/bin"));
        assertThat(env.isEmpty()).isTrue();
        assertThat(env.noProxy().isEmpty()).isTrue();
    }
}
