package parley.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts that {@code NO_PROXY} sends straight to the server, read as curl reads it: entries
 * separated by commas (or spaces); {@code *} alone means every host; {@code example.com} and
 * {@code .example.com} (also {@code *.example.com}) match that domain and every name under it;
 * {@code host:port} matches that port only; an IP literal ({@code 10.1.2.3}, {@code ::1} or
 * {@code [::1]}) matches that address as written. Names are compared without case and without a
 * trailing dot; nothing is looked up.
 */
public final class NoProxyList {
    private record Entry(String host, int port) {
        boolean matches(String name, int p) {
            if (port >= 0 && port != p) return false;
            return name.equals(host) || (!isIpLiteral(host) && name.endsWith("." + host));
        }
    }

    private final boolean everything;
    private final List<Entry> entries;

    private NoProxyList(boolean everything, List<Entry> entries) {
        this.everything = everything;
        this.entries = List.copyOf(entries);
    }

    public static final NoProxyList EMPTY = new NoProxyList(false, List.of());

    /** Reads a {@code NO_PROXY} value; null or blank is the empty list. */
    public static NoProxyList parse(String value) {
        if (value == null || value.isBlank()) return EMPTY;
        boolean everything = false;
        List<Entry> entries = new ArrayList<>();
        for (String raw : value.split("[,\\s]+")) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            if (item.equals("*")) {
                everything = true;
                continue;
            }
            entries.add(entry(item));
        }
        return new NoProxyList(everything, entries);
    }

    /** True when a request to {@code host} on {@code port} goes straight to the server. */
    public boolean bypasses(String host, int port) {
        if (everything) return true;
        if (host == null) return false;
        String name = normalise(host);
        return entries.stream().anyMatch(e -> e.matches(name, port));
    }

    public boolean isEmpty() {
        return !everything && entries.isEmpty();
    }

    private static Entry entry(String item) {
        String host = item;
        int port = -1;
        if (host.startsWith("[")) { // [::1] or [::1]:8080
            int close = host.indexOf(']');
            if (close > 0) {
                port = portAfter(host.substring(close + 1));
                host = host.substring(1, close);
            }
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) { // name:port, not bare IPv6
            int colon = host.indexOf(':');
            port = portAfter(host.substring(colon));
            host = host.substring(0, colon);
        }
        if (host.startsWith("*.")) host = host.substring(2);
        else if (host.startsWith(".")) host = host.substring(1);
        return new Entry(normalise(host), port);
    }

    private static int portAfter(String rest) {
        if (!rest.startsWith(":")) return -1;
        try {
            return Integer.parseInt(rest.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || (!host.isEmpty() && host.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }

    @Override
    public String toString() {
        return everything ? "*" : entries.stream().map(e -> e.port() < 0 ? e.host() : e.host() + ":" + e.port()).toList().toString();
    }
}
