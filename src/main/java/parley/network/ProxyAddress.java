package parley.network;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP proxy: host, port, and the user and password it may ask for (both null when none).
 * {@link #toString()} never shows the password.
 */
public record ProxyAddress(String host, int port, String user, String password) {
    public ProxyAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("a proxy needs a host");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("a proxy port is 1 to 65535 (was " + port + ")");
        host = NoProxyList.normalise(host);
        user = user == null || user.isEmpty() ? null : user;
        password = user == null ? null : password;
    }

    /**
     * Reads a proxy variable's value the way curl does: {@code http://user:password@host:port},
     * {@code host:port} or {@code host} (port 80; user and password percent-encoded). {@code name}
     * names the variable in the message of an {@link IllegalArgumentException}.
     */
    public static ProxyAddress parse(String name, String value) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a proxy address (" + e.getReason()
                    + "): write it as http://HOST:PORT");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException(name + " uses a " + scheme + ":// proxy, which Parley cannot use: "
                    + "give an HTTP proxy as http://HOST:PORT (HTTPS requests still travel encrypted through it)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(name + " names no proxy host (was " + redacted(text) + "): write it as http://HOST:PORT");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        return new ProxyAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password);
    }

    public Proxy proxy() {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /** True when a request for credentials from {@code requestingHost}:{@code requestingPort} is this proxy's. */
    public boolean isAt(String requestingHost, int requestingPort) {
        return requestingHost != null && NoProxyList.normalise(requestingHost).equals(host) && requestingPort == port;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redacted(String text) {
        return text.replaceAll("//[^@/]*@", "//…@");
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + ":(password)@") + host + ":" + port;
    }
}
