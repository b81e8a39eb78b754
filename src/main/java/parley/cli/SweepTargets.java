package parley.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.api.InsecureKey;
import parley.experiment.Target;
import parley.provider.ApiKey;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import parley.provider.Providers;

/**
 * The models of {@code parley sweep}: {@code --model} ones of the connection's provider and
 * {@code --target PROVIDER MODEL} ones of other configured providers, each provider's key checked
 * before anything is sent (the connection's from its options, the others' from their environment
 * variables).
 */
final class SweepTargets {
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, ProviderProfile> profiles = new LinkedHashMap<>();
    private final Map<String, Optional<ApiKey>> keys = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    /** {@code targetPairs} holds PROVIDER, MODEL, PROVIDER, MODEL, … as picocli collects {@code --target}. */
    static SweepTargets of(ConnectionOptions connection, List<String> models, List<String> targetPairs,
                           Map<String, String> env) {
        SweepTargets result = new SweepTargets();
        ProviderProfile main = connection.profile();
        if (Providers.LOCAL_GGUF.id().equals(main.id())) {
            throw new BadInput("sweep sends to servers: serve the model with 'parley serve' and pass --base-url.");
        }
        List<String> named = new ArrayList<>(models);
        if (named.isEmpty() && targetPairs.isEmpty()) {
            if (main.defaultModel() == null) {
                throw new BadInput("No model: pass --model ID (repeatable) or --target PROVIDER MODEL.");
            }
            named.add(main.defaultModel());
        }
        if (!named.isEmpty()) {
            result.keys.put(main.baseUrl(), connection.key(main, env));
            named.forEach(model -> result.add(main, model));
        }
        for (int i = 0; i + 1 < targetPairs.size(); i += 2) {
            ProviderProfile profile = profile(targetPairs.get(i));
            result.keys.computeIfAbsent(profile.baseUrl(), url -> result.keyOf(profile, env, connection.allowInsecureKey));
            result.add(profile, targetPairs.get(i + 1));
        }
        return result;
    }

    private static ProviderProfile profile(String id) {
        try {
            ProviderProfile profile = Providers.resolve(id, null);
            if (Providers.LOCAL_GGUF.id().equals(profile.id())) {
                throw new BadInput("--target local-gguf is not a server: serve the model with 'parley serve' and pass --base-url.");
            }
            return profile;
        } catch (IllegalArgumentException e) {
            throw new BadInput("--target " + id + ": " + e.getMessage());
        }
    }

    private Optional<ApiKey> keyOf(ProviderProfile profile, Map<String, String> env, boolean allowInsecure) {
        Optional<ApiKey> key = KeyResolver.of(null, env).keyFor(profile);
        key.ifPresent(k -> parley.log.LogSecrets.remember(k.value()));
        if (key.isEmpty() && profile.needsKey()) {
            problems.put(profile.baseUrl(), "No API key for " + profile.name() + " (--target " + profile.id() + "): set "
                    + profile.keyEnv() + ", or leave its models out.");
        }
        String refusal = InsecureKey.refusal(profile.baseUrl(), key.isPresent(), allowInsecure,
                "pass --allow-insecure-key to accept that");
        if (refusal != null) {
            problems.put(profile.baseUrl(), refusal);
        }
        return key;
    }

    private void add(ProviderProfile profile, String model) {
        if (model == null || model.isBlank()) {
            throw new BadInput("A model id is empty: give each --model and --target a model's id.");
        }
        boolean custom = profile.id().equals(Providers.CUSTOM_ID);
        targets.add(new Target(profile.id(), custom ? profile.baseUrl() : null, model.strip()));
        profiles.put(profile.id() + "|" + (custom ? profile.baseUrl() : ""), profile);
    }

    List<Target> targets() { return targets; }

    /** Null when the target's provider may be sent to, else why not. */
    String problem(Target target) {
        return problems.get(profileOf(target).baseUrl());
    }

    private ProviderProfile profileOf(Target target) {
        return profiles.get(target.provider() + "|" + (target.baseUrl() == null ? "" : target.baseUrl()));
    }

    /** The clients that carry exactly the checked keys. */
    ProviderClients clients(ConnectionOptions connection, Map<String, String> env) {
        KeyResolver only = KeyResolver.fromEnvironment(Map.of())
                .then(p -> keys.getOrDefault(p.baseUrl(), Optional.empty()));
        return connection.clients(only, env);
    }

    static Function<Target, ChatBackend> backends(ProviderClients clients) {
        return target -> clients.clientFor(Providers.resolve(target.provider(), target.baseUrl()));
    }
}
