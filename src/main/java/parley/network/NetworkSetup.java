package parley.network;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import parley.api.DeferredTls;
import parley.api.Transport;

/**
 * Turns the environment and the window's settings into the {@link Transport} every provider client
 * uses: proxies ({@link RoutingSelector}), proxy credentials ({@link ProxyCredentials}) and extra
 * certificate authorities ({@link TrustedCertificates}). The window and the CLI both build it here.
 */
public final class NetworkSetup {
    /** A PEM file of certificate authorities to trust besides the JDK's own. */
    public static final String CA_FILE_ENV = "PARLEY_CA_FILE";

    static final String TUNNEL_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";
    static final String USE_SYSTEM_PROXIES = "java.net.useSystemProxies";

    private NetworkSetup() {}

    /**
     * Sets the two JVM properties the network needs, unless the user set them: the JDK's default
     * proxy selector follows the desktop's proxy settings, and Basic may answer a proxy's 407 for a
     * CONNECT tunnel (the JDK refuses that by default; almost every company proxy uses Basic, and the
     * credentials go only to the proxy the user named). Both are read once, when the JDK's proxy
     * selector and HTTP client are first used: call this first thing in {@code main}.
     */
    public static void prepareJvm() {
        if (System.getProperty(USE_SYSTEM_PROXIES) == null) System.setProperty(USE_SYSTEM_PROXIES, "true");
        if (System.getProperty(TUNNEL_DISABLED_SCHEMES) == null) System.setProperty(TUNNEL_DISABLED_SCHEMES, "");
    }

    /** The CLI's transport: the environment's proxies and CA file, else the system's proxy. */
    public static Transport fromEnvironment(Map<String, String> env) {
        return transport(env, NetworkSettings.NONE, Optional::empty, ProxySelector.getDefault());
    }

    /**
     * The transport for the environment and the window's settings; {@code proxyPassword} is asked when
     * the window's proxy wants credentials. {@link IllegalArgumentException} with what to change when a
     * proxy variable or a CA file cannot be used.
     */
    public static Transport transport(Map<String, String> env, NetworkSettings window,
                                      Supplier<Optional<String>> proxyPassword, ProxySelector system) {
        ProxyEnvironment proxies = ProxyEnvironment.read(env);
        ProxyAddress configured = window.proxy();
        ProxyCredentials credentials = new ProxyCredentials(configured, proxyPassword, proxies);
        List<X509Certificate> extra = extraAuthorities(env, window);
        return new Transport(new RoutingSelector(configured, proxies, system),
                credentials.hasAny() ? credentials : null,
                extra.isEmpty() ? null : DeferredTls.of(() -> TrustedCertificates.withExtra(extra)));
    }

    /** The certificates of {@code PARLEY_CA_FILE} and of the window's CA file, both when both are set. */
    static List<X509Certificate> extraAuthorities(Map<String, String> env, NetworkSettings window) {
        List<X509Certificate> extra = new ArrayList<>();
        String fromEnv = env.get(CA_FILE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            extra.addAll(TrustedCertificates.read(Path.of(fromEnv.strip()), CA_FILE_ENV));
        }
        if (window.hasCaFile()) {
            extra.addAll(TrustedCertificates.read(Path.of(window.caFile()), "The CA file setting"));
        }
        return extra;
    }
}
