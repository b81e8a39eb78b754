package parley.provider;

import java.util.Set;

/**
 * The one rule for "this provider runs on this computer", which makes it free, needing no key and
 * never sent through a proxy. The built-in local profiles (Ollama, LM Studio, llama-server, vLLM)
 * are local; a custom base URL is local only when the user marked it so. An address on loopback is
 * not enough: a proxy on 127.0.0.1 may forward every request to a paid provider, and its models'
 * price is unknown until the user marks the server local or sets prices.
 *
 * @param marked the base URLs (as {@link #key(String)} writes them) of the custom servers the user marked local
 */
public record Locality(Set<String> marked) {
    /** No custom server marked: only the built-in local profiles are local. */
    public static final Locality BUILT_IN_ONLY = new Locality(Set.of());

    public Locality {
        marked = Set.copyOf(marked);
    }

    /**
     * Whether requests to this provider stay on this computer. {@code baseUrl} is null for a built-in
     * profile and names the server for a custom one; an unknown id or a malformed URL is not local.
     */
    public boolean isLocal(String providerId, String baseUrl) {
        if (baseUrl != null) {
            return isMarked(baseUrl);
        }
        return Providers.byId(providerId).map(ProviderProfile::local).orElse(false);
    }

    /** True when the user marked the custom server at {@code baseUrl} local. */
    public boolean isMarked(String baseUrl) {
        try {
            return marked.contains(key(baseUrl));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** How a custom server's base URL is kept among the marks: as {@link Providers#custom} writes it. */
    public static String key(String baseUrl) {
        return Providers.custom(baseUrl, null).baseUrl();
    }

    /** The same profile, local or not. */
    public static ProviderProfile withLocal(ProviderProfile p, boolean local) {
        return new ProviderProfile(p.id(), p.name(), p.baseUrl(), p.keyEnv(), p.defaultModel(), local);
    }
}
