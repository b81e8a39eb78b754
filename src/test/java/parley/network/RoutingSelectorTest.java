package parley.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingSelectorTest {
    private static final Proxy SYSTEM = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("system.proxy", 8080));
    /** The desktop's proxy settings as the JDK's selector would report them. */
    private static final ProxySelector DESKTOP = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) { return List.of(SYSTEM); }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };

    @Test
    void withoutVariablesOrAWindowProxyTheSystemsProxyIsUsed() {
        RoutingSelector selector = new RoutingSelector(null, ProxyEnvironment.read(Map.of()), DESKTOP);
        assertThat(selector.select(URI.create("https://api.atlascloud.ai/v1"))).containsExactly(SYSTEM);
    }

    @Test
    void theVariablesWinOverTheSystemAndTheWindowsProxyOverBoth() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("HTTPS_PROXY", "http://env.proxy:3128"));
        assertThat(host(new RoutingSelector(null, env, DESKTOP), "https://api.openai.com/v1")).isEqualTo("env.proxy:3128");
        ProxyAddress window = new ProxyAddress("window.proxy", 8000, null, null);
        assertThat(host(new RoutingSelector(window, env, DESKTOP), "https://api.openai.com/v1")).isEqualTo("window.proxy:8000");
    }

    @Test
    void noProxyAppliesToEveryProxySource() {
        ProxyEnvironment env = ProxyEnvironment.read(Map.of("HTTPS_PROXY", "http://env.proxy:3128", "NO_PROXY", ".corp.example"));
        ProxyAddress window = new ProxyAddress("window.proxy", 8000, null, null);
        for (RoutingSelector selector : List.of(new RoutingSelector(null, env, DESKTOP), new RoutingSelector(window, env, DESKTOP))) {
            assertThat(selector.select(URI.create("https://llm.corp.example/v1"))).containsExactly(Proxy.NO_PROXY);
        }
    }

    @Test
    void thisMachineNeverGoesThroughAProxy() {
        RoutingSelector selector = new RoutingSelector(new ProxyAddress("window.proxy", 8000, null, null),
                ProxyEnvironment.read(Map.of("ALL_PROXY", "http://env.proxy:3128")), DESKTOP);
        for (String url : List.of("http://127.0.0.1:11434/v1", "http://localhost:1234/v1", "http://[::1]:8080/v1",
                "http://127.0.1.1:8000/v1", "http://LOCALHOST./v1")) {
            assertThat(selector.select(URI.create(url))).as(url).containsExactly(Proxy.NO_PROXY);
        }
    }

    @Test
    void aSchemeWithoutAVariableFallsBackToTheSystem() {
        RoutingSelector selector = new RoutingSelector(null, ProxyEnvironment.read(Map.of("HTTPS_PROXY", "http://env.proxy:3128")), DESKTOP);
        assertThat(selector.select(URI.create("http://plain.example/v1"))).containsExactly(SYSTEM);
        assertThat(new RoutingSelector(null, ProxyEnvironment.NONE, null).select(URI.create("http://plain.example/v1")))
                .containsExactly(Proxy.NO_PROXY);
    }

    private static String host(ProxySelector selector, String url) {
        InetSocketAddress address = (InetSocketAddress) selector.select(URI.create(url)).getFirst().address();
        return address.getHostString() + ":" + address.getPort();
    }
}
