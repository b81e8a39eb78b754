package parley.mcp;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One MCP server as the user set it up: a command started as a child process (stdio), or a URL
 * (streamable HTTP). The values of {@code env} and {@code headers} are secrets: they live in the
 * keyring, never in the database, and {@link #toString()} names them without their values.
 */
public record ServerConfig(String name, boolean enabled, String command, List<String> args, Map<String, String> env,
                           String url, Map<String, String> headers) {
    /** A name joins each tool's name in the request ({@code name__tool}), so it keeps to the API's letters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ServerConfig {
        checkName(name);
        boolean hasCommand = command != null && !command.isBlank();
        boolean hasUrl = url != null && !url.isBlank();
        if (hasCommand == hasUrl) {
            throw new IllegalArgumentException("The server " + name + " needs either a command (stdio) or a url (HTTP), not "
                    + (hasCommand ? "both." : "neither."));
        }
        args = List.copyOf(args == null ? List.of() : args);
        env = copy(env, ENV_NAME, "environment variable");
        headers = copy(headers, HEADER_NAME, "header");
        if (hasUrl) checkUrl(name, url);
        command = hasCommand ? command.strip() : null;
        url = hasUrl ? url.strip() : null;
    }

    public static ServerConfig stdio(String name, String command, List<String> args, Map<String, String> env) {
        return new ServerConfig(name, true, command, args, env, null, Map.of());
    }

    public static ServerConfig http(String name, String url, Map<String, String> headers) {
        return new ServerConfig(name, true, null, List.of(), Map.of(), url, headers);
    }

    /** Throws with a message that says what to change when {@code name} cannot name a server. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The server name \"" + (name == null ? "" : name) + "\" is not allowed:"
                    + " use 1 to 32 letters, digits, '_' or '-' (it becomes part of each tool's name).");
        }
        return name;
    }

    public boolean isStdio() {
        return command != null;
    }

    public ServerConfig withEnabled(boolean value) {
        return new ServerConfig(name, value, command, args, env, url, headers);
    }

    public ServerConfig withName(String value) {
        return new ServerConfig(value, enabled, command, args, env, url, headers);
    }

    /** Where it runs, for lists: the command line or the URL (never the secrets). */
    public String target() {
        return isStdio() ? String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(command),
                args.stream()).toList()) : url;
    }

    @Override
    public String toString() {
        return "ServerConfig[" + name + (enabled ? "" : ", disabled") + ", " + target() + ", env " + env.keySet()
                + ", headers " + headers.keySet() + "]";
    }

    private static Map<String, String> copy(Map<String, String> values, Pattern names, String what) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (values == null) return Map.copyOf(copy);
        values.forEach((key, value) -> {
            if (key == null || !names.matcher(key).matches()) {
                throw new IllegalArgumentException("The " + what + " name \"" + key + "\" is not allowed: use letters,"
                        + " digits and '_'" + (what.equals("header") ? " or '-'" : "") + ".");
            }
            copy.put(key, value == null ? "" : value);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void checkUrl(String name, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The url of " + name + " is not a URL: give http://HOST:PORT/PATH or https://….");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("The url of " + name + " must start with http:// or https:// and name a host.");
        }
    }
}
