package parley.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a workspace's JDBC URL and takes any password out of it, so that none is ever stored or shown. */
public final class JdbcUrls {
    static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)^password=.*");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:postgresql://)([^/@?]*)@");

    private JdbcUrls() {}

    /** A sentence saying what to change, or empty when the URL can be used. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Give the workspace's JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/parley.");
        }
        if (!url.strip().startsWith(PREFIX)) {
            return Optional.of("'" + withoutPassword(url.strip()) + "' is not a PostgreSQL JDBC URL: it should start with "
                    + PREFIX + ", e.g. jdbc:postgresql://db.example.com:5432/parley.");
        }
        String rest = url.strip().substring(PREFIX.length());
        if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?")) {
            return Optional.of("The JDBC URL names no server: write it as jdbc:postgresql://HOST[:PORT]/DATABASE.");
        }
        return Optional.empty();
    }

    /** The URL without a {@code password=} parameter or a password before the host. */
    public static String withoutPassword(String url) {
        String plain = USER_INFO.matcher(url).replaceFirst(m -> m.group(1) + userOnly(m.group(2)));
        int query = plain.indexOf('?');
        if (query < 0) return plain;
        List<String> kept = new ArrayList<>();
        for (String param : plain.substring(query + 1).split("&")) {
            if (!param.isEmpty() && !PASSWORD_PARAM.matcher(param).matches()) kept.add(param);
        }
        return plain.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /**
     * True when the URL asks for a TLS connection whose server certificate is checked ({@code
     * sslmode=verify-ca|verify-full}, or {@code ssl=true} without a mode) and names no {@code sslrootcert}.
     */
    public static boolean wantsRootCertificate(String url) {
        Map<String, String> params = parameters(url);
        if (params.containsKey("sslrootcert")) return false;
        String mode = params.get("sslmode");
        if (mode != null) return mode.equalsIgnoreCase("verify-ca") || mode.equalsIgnoreCase("verify-full");
        return "true".equalsIgnoreCase(params.get("ssl"));
    }

    private static Map<String, String> parameters(String url) {
        Map<String, String> params = new HashMap<>();
        int query = url.indexOf('?');
        if (query < 0) return params;
        for (String param : url.substring(query + 1).split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0) params.put(param.substring(0, eq).toLowerCase(java.util.Locale.ROOT), decode(param.substring(eq + 1)));
            else if (!param.isEmpty()) params.put(param.toLowerCase(java.util.Locale.ROOT), "true");
        }
        return params;
    }

    /** The password given in the URL, if it holds one. */
    public static Optional<String> passwordIn(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String param : url.substring(query + 1).split("&")) {
                if (PASSWORD_PARAM.matcher(param).matches()) return Optional.of(decode(param.substring(param.indexOf('=') + 1)));
            }
        }
        var userInfo = USER_INFO.matcher(url);
        if (userInfo.find() && userInfo.group(2).contains(":")) {
            return Optional.of(decode(userInfo.group(2).substring(userInfo.group(2).indexOf(':') + 1)));
        }
        return Optional.empty();
    }

    private static String userOnly(String userInfo) {
        int colon = userInfo.indexOf(':');
        return (colon < 0 ? userInfo : userInfo.substring(0, colon)) + "@";
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
