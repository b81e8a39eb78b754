package parley.network;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import parley.api.Loopback;

/**
 * Chooses the proxy for each address, first rule that applies:
 * <ol>
 *   <li>this machine ({@code localhost}, {@code 127.x.x.x}, {@code ::1}): straight there, always,
 *       since a proxy cannot reach this machine's local servers (Go's HTTP client and the JDK's
 *       default {@code http.nonProxyHosts} do the same);</li>
 *   <li>a host that {@code NO_PROXY} lists: straight there;</li>
 *   <li>the proxy set in the window, when there is one;</li>
 *   <li>the proxy variable for the address's scheme ({@link ProxyEnvironment});</li>
 *   <li>otherwise the system's proxy settings ({@code system}, the JDK's default selector with
 *       {@code java.net.useSystemProxies} on), which may also say "none".</li>
 * </ol>
 */
public final class RoutingSelector extends ProxySelector {
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final ProxyAddress configured;
    private final ProxyEnvironment env;
    private final ProxySelector system;

    /** {@code configured} (the window's proxy) and {@code system} may be null. */
    public RoutingSelector(ProxyAddress configured, ProxyEnvironment env, ProxySelector system) {
        this.configured = configured;
        this.env = env;
        this.system = system;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (isThisMachine(host) || env.noProxy().bypasses(host, port)) return DIRECT;
        if (configured != null) return List.of(configured.proxy());
        var fromEnv = env.forScheme(uri.getScheme());
        if (fromEnv.isPresent()) return List.of(fromEnv.get().proxy());
        if (system == null) return DIRECT;
        List<Proxy> chosen = system.select(uri);
        return chosen == null || chosen.isEmpty() ? DIRECT : chosen;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        if (system != null && configured == null && env.forScheme(uri.getScheme()).isEmpty()) {
            system.connectFailed(uri, address, failure);
        }
    }

    /** {@code localhost} (and names under it) or a loopback IP literal; no name is looked up. */
    static boolean isThisMachine(String host) {
        return host != null && (Loopback.isLoopback(host) || NoProxyList.normalise(host).endsWith(".localhost"));
    }

    @Override
    public String toString() {
        return "RoutingSelector[configured=" + configured + ", env=" + env + ", system=" + (system != null) + "]";
    }
}
