package parley.network;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy variables of an environment, read as curl and the OpenAI SDKs read them:
 * {@code https_proxy} for https:// addresses, {@code http_proxy} for http://, {@code all_proxy} for
 * either when the scheme's own is not set, and {@code no_proxy} for the hosts that go straight to
 * the server. Each name is also read in capitals; the lower-case form wins when both are set, and an
 * empty value counts as not set. The environment is given as a map, so tests pass their own.
 *
 * @param https    the proxy for https:// addresses, or null
 * @param http     the proxy for http:// addresses, or null
 * @param noProxy  the hosts that bypass the proxies
 */
public record ProxyEnvironment(ProxyAddress https, ProxyAddress http, NoProxyList noProxy) {
    public static final ProxyEnvironment NONE = new ProxyEnvironment(null, null, NoProxyList.EMPTY);

    /** {@link IllegalArgumentException} naming the variable when one holds something that is not a proxy address. */
    public static ProxyEnvironment read(Map<String, String> env) {
        ProxyAddress all = address(env, "all_proxy");
        ProxyAddress https = Optional.ofNullable(address(env, "https_proxy")).orElse(all);
        ProxyAddress http = Optional.ofNullable(address(env, "http_proxy")).orElse(all);
        return new ProxyEnvironment(https, http, NoProxyList.parse(value(env, "no_proxy").map(Map.Entry::getValue).orElse(null)));
    }

    /** The proxy for an address of this scheme, if one is set. */
    public Optional<ProxyAddress> forScheme(String scheme) {
        return Optional.ofNullable("https".equalsIgnoreCase(scheme) ? https : "http".equalsIgnoreCase(scheme) ? http : null);
    }

    public boolean isEmpty() {
        return https == null && http == null;
    }

    private static ProxyAddress address(Map<String, String> env, String lowerName) {
        return value(env, lowerName).map(e -> ProxyAddress.parse(e.getKey(), e.getValue())).orElse(null);
    }

    /** The variable's name and value, lower case first; empty when neither form is set to something. */
    private static Optional<Map.Entry<String, String>> value(Map<String, String> env, String lowerName) {
        for (String name : new String[] {lowerName, lowerName.toUpperCase(Locale.ROOT)}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) return Optional.of(Map.entry(name, v.strip()));
        }
        return Optional.empty();
    }
}
