package parley.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's network settings: a proxy (host and port, optionally a user; its password lives in
 * the keyring, never here) and a CA file. Blank means not set.
 *
 * @param proxyHost the proxy's host name or address, or ""
 * @param proxyPort the proxy's port, 0 when no proxy is set
 * @param proxyUser the user the proxy wants, or ""
 * @param caFile    a PEM file of extra certificate authorities, or ""
 */
public record NetworkSettings(String proxyHost, int proxyPort, String proxyUser, String caFile) {
    public static final NetworkSettings NONE = new NetworkSettings("", 0, "", "");

    public NetworkSettings {
        proxyHost = proxyHost == null ? "" : proxyHost.strip();
        proxyUser = proxyUser == null ? "" : proxyUser.strip();
        caFile = caFile == null ? "" : caFile.strip();
    }

    public boolean hasProxy() {
        return !proxyHost.isEmpty();
    }

    public boolean hasCaFile() {
        return !caFile.isEmpty();
    }

    /** What to change before these settings can be used; empty when they can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (hasProxy()) {
            if (proxyHost.contains("://") || proxyHost.contains("/") || proxyHost.contains(" ")) {
                problems.add("Proxy host: give the name or address alone, e.g. proxy.example.com (no http://, no path).");
            } else if (proxyHost.indexOf(':') > 0 && proxyHost.indexOf(':') == proxyHost.lastIndexOf(':')) {
                problems.add("Proxy host: put the port in the Port field (was " + proxyHost + ").");
            }
            if (proxyPort < 1 || proxyPort > 65_535) {
                problems.add("Proxy port: a number from 1 to 65535, e.g. 3128.");
            }
        } else if (!proxyUser.isEmpty()) {
            problems.add("Proxy user: set the proxy's host and port too, or clear the user.");
        }
        return problems;
    }

    /** The proxy as an address (its password is not part of it), or null when none is set. */
    public ProxyAddress proxy() {
        return hasProxy() ? new ProxyAddress(proxyHost, proxyPort, proxyUser, null) : null;
    }
}
