package parley.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import parley.api.InsecureKey;

/** The known providers, Atlas Cloud first (the default), and custom base URLs. */
public final class Providers {
    public static final String CUSTOM_ID = "custom";

    public static final ProviderProfile ATLAS_CLOUD = new ProviderProfile("atlascloud", "Atlas Cloud",
            "https://api.atlascloud.ai/v1", "ATLASCLOUD_API_KEY", "deepseek-ai/deepseek-v3.2-speciale", false);
    public static final ProviderProfile DEEPSEEK = new ProviderProfile("deepseek", "DeepSeek",
            "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY", "deepseek-chat", false);
    public static final ProviderProfile OPENAI = new ProviderProfile("openai", "OpenAI",
            "https://api.openai.com/v1", "OPENAI_API_KEY", "gpt-4o-mini", false);
    public static final ProviderProfile OPENROUTER = new ProviderProfile("openrouter", "OpenRouter",
            "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", "deepseek/deepseek-v3.2", false);
    /**
     * A LiteLLM proxy, which a team puts in front of its providers for shared keys and spend tracking.
     * On loopback, yet not a local server: it forwards to paid providers, so its models' prices are
     * unknown until the user sets them ({@link #forwardsToPaidProviders}).
     */
    public static final ProviderProfile LITELLM = new ProviderProfile("litellm", "LiteLLM proxy",
            "http://127.0.0.1:4000/v1", "LITELLM_API_KEY", null, false);
    public static final ProviderProfile OLLAMA = new ProviderProfile("ollama", "Ollama",
            "http://127.0.0.1:11434/v1", null, null, true);
    public static final ProviderProfile LM_STUDIO = new ProviderProfile("lmstudio", "LM Studio",
            "http://127.0.0.1:1234/v1", null, null, true);
    public static final ProviderProfile LLAMA_SERVER = new ProviderProfile("llama-server", "llama-server",
            "http://127.0.0.1:8080/v1", null, null, true);
    public static final ProviderProfile VLLM = new ProviderProfile("vllm", "vLLM",
            "http://127.0.0.1:8000/v1", null, null, true);

    /**
     * The built-in engine: a GGUF file run by a {@code parley serve} child on a port chosen when it
     * starts, so its base URL here is only a placeholder. Not in {@link #ALL}: nothing probes or lists
     * it as a server.
     */
    public static final ProviderProfile LOCAL_GGUF = new ProviderProfile("local-gguf", "This computer",
            "http://127.0.0.1/v1", null, null, true);

    public static final ProviderProfile DEFAULT = ATLAS_CLOUD;

    public static final List<ProviderProfile> ALL = List.of(ATLAS_CLOUD, DEEPSEEK, OPENAI, OPENROUTER, LITELLM,
            OLLAMA, LM_STUDIO, LLAMA_SERVER, VLLM);

    private Providers() {}

    public static Optional<ProviderProfile> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(LOCAL_GGUF.id())) {
            return Optional.of(LOCAL_GGUF);
        }
        return ALL.stream().filter(p -> p.id().equals(wanted)).findFirst();
    }

    /** The profile with that id; {@link IllegalArgumentException} naming the known ids otherwise. */
    private static ProviderProfile require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("Unknown provider '" + id
                + "': use one of " + ids() + ", or --base-url for any other server."));
    }

    private static String ids() {
        return ALL.stream().map(ProviderProfile::id).collect(Collectors.joining(", ")) + ", " + LOCAL_GGUF.id();
    }

    /**
     * True for a proxy that forwards to other, paid providers under model names of its own choosing:
     * a model's price there is only what the user sets, never one guessed from the model's name.
     */
    public static boolean forwardsToPaidProviders(String providerId) {
        return LITELLM.id().equals(providerId);
    }

    /** The built-in profiles of servers on this computer: the ones that local-server detection probes. */
    public static List<ProviderProfile> local() {
        return ALL.stream().filter(ProviderProfile::local).toList();
    }

    /**
     * A profile for any OpenAI-compatible server at {@code baseUrl}. {@code keyEnv} may be null.
     * Not local, wherever it is: only the user marks a custom server as local ({@link Locality}).
     * Throws {@link IllegalArgumentException} with a one-line message when the URL is malformed.
     */
    public static ProviderProfile custom(String baseUrl, String keyEnv) {
        URI uri = validateBaseUrl(baseUrl);
        String normalized = stripTrailingSlash(uri.toString());
        return new ProviderProfile(CUSTOM_ID, uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""),
                normalized, keyEnv, null, false);
    }

    /** Resolves a provider id and an optional base URL: a base URL makes a custom profile. */
    public static ProviderProfile resolve(String providerId, String baseUrl) {
        if (baseUrl != null) {
            return custom(baseUrl, null);
        }
        return providerId == null ? DEFAULT : require(providerId);
    }

    private static URI validateBaseUrl(String baseUrl) {
        String hint = ": give a URL like https://host/v1 or http://127.0.0.1:8080/v1";
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The base URL is empty" + hint + ".");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The base URL '" + baseUrl + "' is malformed (" + e.getReason() + ")" + hint + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The base URL '" + baseUrl + "' must start with http:// or https://" + hint + ".");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The base URL '" + baseUrl + "' has no host name" + hint + ".");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("The base URL '" + baseUrl + "' must not carry a query or a fragment" + hint + ".");
        }
        return uri;
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
