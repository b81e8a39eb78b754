package parley.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import parley.api.InsecureKey;
import parley.api.Transport;
import parley.log.LogSecrets;
import parley.network.NetworkSetup;
import parley.provider.ApiKey;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import picocli.CommandLine.Option;

/** Where a command's requests go and which key they carry: shared by the subcommands. */
public final class ConnectionOptions {
    @Option(names = "--provider", paramLabel = "ID",
            description = "atlascloud (default), deepseek, openai, openrouter, litellm, ollama, lmstudio, llama-server, vllm, "
                    + "local-gguf (a .gguf file run by the built-in engine, with --model-file)")
    String provider;

    @Option(names = "--model-file", paramLabel = "FILE.gguf", description = "the model file for --provider local-gguf")
    java.nio.file.Path modelFile;

    @Option(names = "--base-url", paramLabel = "URL", description = "any OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1")
    String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "the key (prefer --key-env: a key on the command line shows in the process list)")
    String apiKey;

    @Option(names = "--key-env", paramLabel = "NAME", description = "read the key from this environment variable")
    String keyEnv;

    @Option(names = "--allow-insecure-key", description = "allow sending the key over plain http:// to another machine")
    boolean allowInsecureKey;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up when no complete answer arrived within this time")
    Integer timeoutSeconds;

    /** The provider profile, or a custom one for --base-url; BadInput when unknown or malformed. */
    public ProviderProfile profile() {
        if (provider != null && baseUrl != null) {
            throw new BadInput("Give --provider or --base-url, not both.");
        }
        if (modelFile != null && !Providers.LOCAL_GGUF.id().equals(provider)) {
            throw new BadInput("--model-file goes with --provider local-gguf (the built-in engine).");
        }

        try {
            return Providers.resolve(provider, baseUrl);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** The file of --model-file, or null. */
    public java.nio.file.Path modelFile() {
        return modelFile;
    }

    /** The key for the profile, checked before anything is sent. */
    public Optional<ApiKey> key(ProviderProfile profile, Map<String, String> env) {
        if (apiKey != null && keyEnv != null) {
            throw new BadInput("Give --api-key or --key-env, not both.");
        }
        String explicit = apiKey;
        if (keyEnv != null) {
            explicit = env.get(keyEnv);
            if (explicit == null || explicit.isBlank()) {
                throw new BadInput("The environment variable " + keyEnv + " (from --key-env) is not set: export it, or name another one.");
            }
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new BadInput("--api-key is empty: give the key, or use --key-env NAME.");
        }
        Optional<ApiKey> key = KeyResolver.of(explicit, env).keyFor(profile);
        key.ifPresent(k -> LogSecrets.remember(k.value()));
        if (key.isEmpty() && profile.needsKey()) {
            throw new BadInput("No API key for " + profile.name() + ": set " + profile.keyEnv()
                    + ", or pass --key-env NAME or --api-key KEY.");
        }
        String refusal = InsecureKey.refusal(profile.baseUrl(), key.isPresent(), allowInsecureKey,
                "pass --allow-insecure-key to accept that");
        if (refusal != null) {
            throw new BadInput(refusal);
        }
        return key;
    }

    /**
     * Clients that use exactly the checked key for this profile, through the environment's proxy
     * ({@code HTTPS_PROXY}, {@code NO_PROXY}, …) or the system's, trusting {@code PARLEY_CA_FILE} too.
     */
    public ProviderClients clients(ProviderProfile profile, Optional<ApiKey> key, Map<String, String> env) {
        KeyResolver only = KeyResolver.fromEnvironment(Map.of()).then(p -> p.baseUrl().equals(profile.baseUrl())
                ? key : Optional.empty());
        return clients(only, env);
    }

    /** Clients that take each provider's key from {@code keys}, connecting as {@link #clients(ProviderProfile, Optional, Map)} does. */
    public ProviderClients clients(KeyResolver keys, Map<String, String> env) {
        Duration idle = timeout();
        Duration connect = idle == null ? null : min(idle, Duration.ofSeconds(10));
        return new ProviderClients(keys, connect, idle, allowInsecureKey, null, transport(env))
                .useLimits(DataHome.limits(env).reads());
    }

    private static Transport transport(Map<String, String> env) {
        try {
            return NetworkSetup.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** The --timeout, or null for none. */
    public Duration timeout() {
        if (timeoutSeconds == null) {
            return null;
        }
        if (timeoutSeconds < 1) {
            throw new BadInput("--timeout must be at least 1 second (was " + timeoutSeconds + ").");
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
