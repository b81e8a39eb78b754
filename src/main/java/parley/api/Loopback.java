package parley.api;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a host is this computer: the one loopback check of the project. True for {@code localhost}
 * (any case, with or without the final dot), every address of 127.0.0.0/8 in the forms Java's own
 * resolver reads ({@code 127.0.0.1}, {@code 127.1}, {@code 2130706433}), {@code ::1} in any spelling,
 * with or without brackets, and IPv4-mapped loopback ({@code ::ffff:127.0.0.1}). No name is ever
 * looked up: {@code foo.localhost} or a name that happens to resolve to 127.0.0.1 is not loopback,
 * since a resolver could send it anywhere.
 */
public final class Loopback {
    private Loopback() {}

    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.equals("localhost.")) {
            return true;
        }
        if (!looksLikeAddress(lower)) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** True when the URL's host is this computer; false for a URL without a host. */
    public static boolean isLoopback(URI url) {
        return url != null && isLoopback(url.getHost());
    }

    private static boolean looksLikeAddress(String h) {
        return h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
