package parley.ui.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import parley.api.ApiError;
import parley.api.ApiException;
import parley.api.InsecureKey;
import parley.chat.ChatSettings;
import parley.provider.EndUsers;
import parley.provider.KeyResolver;
import parley.provider.LocalMarks;
import parley.provider.LocalServer;
import parley.provider.Locality;
import parley.provider.ModelInfo;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.store.KeyMask;
import parley.store.SecretStore;
import parley.ui.UiThread;

/**
 * The provider and model the window talks to: the provider list (profiles and custom base URLs),
 * the key, the provider's state, the model list and the chosen model.
 */
public final class ProviderViewModel {
    /** The model list: not asked yet, loading, loaded, or the last fetch failed. */
    public enum ModelsState { IDLE, LOADING, LOADED, FAILED }

    /** What is known of the provider's server. */
    public enum Reach { UNKNOWN, CHECKING, REACHABLE, UNREACHABLE }

    private final ModelLister lister;
    private final Supplier<List<LocalServer>> detector;
    private final SecretStore typedKeys;
    private final LocalMarks marks;
    private final EndUsers endUsers;
    private final Map<String, String> env;
    private final Executor background;
    private final UiThread ui;

    private final ObservableList<ProviderProfile> providers = FXCollections.observableArrayList(withEngine());
    private final ObservableSet<String> running = FXCollections.observableSet();
    // kept: an unmodifiable view listens weakly, so a fresh one per call would lose listeners
    private final ObservableList<ProviderProfile> providersView = FXCollections.unmodifiableObservableList(providers);
    private final ObservableSet<String> runningView = FXCollections.unmodifiableObservableSet(running);
    private final ReadOnlyObjectWrapper<ProviderProfile> provider = new ReadOnlyObjectWrapper<>(this, "provider", Providers.DEFAULT);
    private final ReadOnlyBooleanWrapper custom = new ReadOnlyBooleanWrapper(this, "custom", false);
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper(this, "keyStatus", "");
    private final ReadOnlyObjectWrapper<KeyState> keyState = new ReadOnlyObjectWrapper<>(this, "keyState", KeyState.MISSING);
    private final ReadOnlyObjectWrapper<Reach> reach = new ReadOnlyObjectWrapper<>(this, "reach", Reach.UNKNOWN);
    private final ReadOnlyStringWrapper reachMessage = new ReadOnlyStringWrapper(this, "reachMessage", "");
    private final ObservableList<ModelInfo> models = FXCollections.observableArrayList();
    private final FilteredList<ModelInfo> filtered = new FilteredList<>(models);
    private final ReadOnlyStringWrapper filter = new ReadOnlyStringWrapper(this, "filter", "");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper(this, "model", Providers.DEFAULT.defaultModel());
    private final ReadOnlyObjectWrapper<ModelsState> modelsState = new ReadOnlyObjectWrapper<>(this, "modelsState", ModelsState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper detection = new ReadOnlyStringWrapper(this, "detection", "");
    private final ReadOnlyStringWrapper endUser = new ReadOnlyStringWrapper(this, "endUser", "");
    private long endUserGeneration;
    private final List<ListedModels> listedObservers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long fetchGeneration;
    /** Typed keys by provider key id, each read once from {@code typedKeys} in the background. */
    private final Map<String, CompletableFuture<Optional<String>>> typed = new ConcurrentHashMap<>();
    /** The keyring writes, one after another in the order the user typed. */
    private CompletableFuture<Void> keyWrites = CompletableFuture.completedFuture(null);

    /** Told of every model list fetched, on the background thread, before the list is shown. */
    @FunctionalInterface
    public interface ListedModels {
        void listed(ProviderProfile profile, List<ModelInfo> models);
    }

    /** Whether the chosen provider has a key, and from where. */
    public enum KeyState { TYPED, ENVIRONMENT, MISSING, NOT_NEEDED }

    /** {@code marks} keeps which custom servers the user marked local; end-user ids are kept for this run only. */
    public ProviderViewModel(ModelLister lister, Supplier<List<LocalServer>> detector, SecretStore typedKeys,
                             LocalMarks marks, Map<String, String> env, Executor background, UiThread ui) {
        this(lister, detector, typedKeys, marks, EndUsers.forThisRun(), env, background, ui);
    }

    /** {@code endUsers} keeps the end-user id ({@code user}) set per provider. */
    public ProviderViewModel(ModelLister lister, Supplier<List<LocalServer>> detector, SecretStore typedKeys,
                             LocalMarks marks, EndUsers endUsers, Map<String, String> env, Executor background,
                             UiThread ui) {
        this.lister = lister;
        this.detector = detector;
        this.typedKeys = typedKeys;
        this.marks = marks;
        this.endUsers = endUsers;
        this.env = Map.copyOf(env);
        this.background = background;
        this.ui = ui;
        updateKeyState();
        loadEndUser(provider.get());
    }

    public ObservableList<ProviderProfile> providers() { return providersView; }
    /** Ids of the local servers found running. */
    public ObservableSet<String> running() { return runningView; }
    public ReadOnlyObjectProperty<ProviderProfile> providerProperty() { return provider.getReadOnlyProperty(); }
    /** True when the chosen provider is a custom server, which the user may mark local. */
    public ReadOnlyBooleanProperty customProperty() { return custom.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<KeyState> keyStateProperty() { return keyState.getReadOnlyProperty(); }
    /** "Key from $ATLASCLOUD_API_KEY", "No key: set … or type one", …. */
    public ReadOnlyStringProperty keyStatusProperty() { return keyStatus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Reach> reachProperty() { return reach.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reachMessageProperty() { return reachMessage.getReadOnlyProperty(); }
    /** The models that match the search text. */
    public ObservableList<ModelInfo> models() { return filtered; }
    public int modelCount() { return models.size(); }
    public ReadOnlyStringProperty filterProperty() { return filter.getReadOnlyProperty(); }
    /** The id of the chosen model; empty when none is chosen. */
    public ReadOnlyStringProperty modelProperty() { return model.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ModelsState> modelsStateProperty() { return modelsState.getReadOnlyProperty(); }
    /** Why the last action was refused or failed, in one line; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** What the search for local servers found. */
    public ReadOnlyStringProperty detectionProperty() { return detection.getReadOnlyProperty(); }
    /** The end-user id set for the chosen provider, sent as the request's {@code user}; empty when none is. */
    public ReadOnlyStringProperty endUserProperty() { return endUser.getReadOnlyProperty(); }

    public ProviderProfile provider() { return provider.get(); }

    /** The info of the chosen model when the list has it. */
    public Optional<ModelInfo> modelInfo() {
        return models.stream().filter(m -> m.id().equals(model.get())).findFirst();
    }

    /** The key requests to this provider carry: the typed one, else the environment variable's. */
    public String apiKey() {
        return keyFor(provider.get());
    }

    /**
     * The key for any profile: the typed one, else the environment's. Waits for the keyring the
     * first time a profile's key is asked for, so on the FX thread only after {@link #keyRead}.
     */
    public String keyFor(ProviderProfile p) {
        return typedKey(keyId(p)).join().orElseGet(() ->
                KeyResolver.fromEnvironment(env).keyFor(p).map(k -> k.value()).orElse(null));
    }

    /** Completes (with true) once the chosen provider's typed key has been read from where keys are kept. */
    public CompletionStage<Boolean> keyRead() {
        return typedKey(keyId(provider.get())).thenApply(key -> true);
    }

    /** The typed key of that id: read once, in the background (a keyring can take seconds to answer). */
    private CompletableFuture<Optional<String>> typedKey(String id) {
        return typed.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> typedKeys.get(k), background)
                .exceptionally(failed -> Optional.empty()));
    }

    /** {@code base} pointed at the chosen provider and model. */
    public ChatSettings applyTo(ChatSettings base) {
        ProviderProfile p = provider.get();
        boolean isCustom = isCustom(p);
        String user = endUser.get().isBlank() ? null : endUser.get();
        ChatSettings pointed = base.withProvider(isCustom ? Providers.CUSTOM_ID : p.id(), isCustom ? p.baseUrl() : null)
                .withModel(model.get());
        return pointed.withExtended(pointed.extended().withUser(user));
    }

    /** Sets the end-user id of the chosen provider (blank: none), kept with the provider's settings. */
    public void setEndUser(String user) {
        String wanted = user == null ? "" : user.strip();
        if (wanted.equals(endUser.get())) return;
        endUser.set(wanted);
        endUserGeneration++;
        String providerKey = keyId(provider.get());
        background.execute(() -> {
            try {
                endUsers.save(providerKey, wanted);
            } catch (RuntimeException e) {
                ui.run(() -> message.set("The user id was not kept: " + e.getMessage()));
            }
        });
    }

    /**
     * Selects what chat settings name: a provider by its id, or a custom server by its base URL (added
     * when new), and the model. An unknown provider id keeps the provider chosen now.
     */
    public void select(String providerId, String baseUrl, String modelId) {
        if (baseUrl != null) addCustom(baseUrl);
        else Providers.byId(providerId).ifPresent(this::selectProvider);
        if (modelId != null) selectModel(modelId);
    }

    /** Tells {@code observer} of every model list fetched from now on (e.g. to keep the prices it carries). */
    public void observeModelLists(ListedModels observer) {
        listedObservers.add(observer);
    }

    /** The built-in providers, then the built-in engine ("This computer"); custom servers are added after. */
    private static List<ProviderProfile> withEngine() {
        List<ProviderProfile> all = new ArrayList<>(Providers.ALL);
        all.add(Providers.LOCAL_GGUF);
        return all;
    }

    public void selectProvider(ProviderProfile profile) {
        if (profile == null || profile.equals(provider.get())) return;
        provider.set(profile);
        custom.set(isCustom(profile));
        models.clear();
        model.set(profile.defaultModel() == null ? "" : profile.defaultModel());
        reach.set(running.contains(profile.id()) ? Reach.REACHABLE : Reach.UNKNOWN);
        reachMessage.set("");
        message.set("");
        modelsState.set(ModelsState.IDLE);
        updateKeyState();
        loadEndUser(profile);
        refreshModels();
    }

    private void loadEndUser(ProviderProfile profile) {
        endUser.set("");
        long generation = ++endUserGeneration;
        String providerKey = keyId(profile);
        background.execute(() -> {
            String kept;
            try {
                kept = endUsers.load(providerKey).orElse("");
            } catch (RuntimeException e) {
                kept = "";
            }
            String found = kept;
            ui.run(() -> { if (generation == endUserGeneration) endUser.set(found); });
        });
    }

    /** Adds a custom OpenAI-compatible server and selects it; a malformed URL is refused with a message. */
    public boolean addCustom(String baseUrl) {
        ProviderProfile named;
        try {
            named = customProfile(baseUrl);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        Optional<ProviderProfile> known = providers.stream().filter(p -> p.baseUrl().equals(named.baseUrl())).findFirst();
        if (known.isEmpty()) providers.add(named);
        selectProvider(known.orElse(named));
        if (known.isEmpty()) background.execute(() -> loadMark(named.baseUrl()));
        return true;
    }

    /**
     * Marks the chosen custom server local (its models free, no key needed) or takes the mark away;
     * a server on 127.0.0.1 may be a proxy to a paid provider, so only the user can say.
     */
    public void markLocal(boolean local) {
        ProviderProfile p = provider.get();
        if (!isCustom(p) || p.local() == local) return;
        applyLocal(p.baseUrl(), local);
        background.execute(() -> {
            try {
                marks.set(p.baseUrl(), local);
            } catch (RuntimeException e) {
                ui.run(() -> {
                    applyLocal(p.baseUrl(), !local);
                    message.set("The mark was not kept: " + e.getMessage());
                });
            }
        });
    }

    /** Where typed keys are kept, as a sentence for the user (the keyring, or this run only and why). */
    public String keyStorage() {
        return typedKeys.description();
    }

    /** True when typed keys outlive this run (they are in the system keyring). */
    public boolean keysPersist() {
        return typedKeys.persistent();
    }

    /** Keeps a typed key for the chosen provider where typed keys are kept (the keyring when there is one); blank forgets it. */
    public void setTypedKey(String key) {
        String id = keyId(provider.get());
        Optional<String> value = key == null || key.isBlank() ? Optional.empty() : Optional.of(key.strip());
        typed.put(id, CompletableFuture.completedFuture(value));
        keyWrites = keyWrites.thenRunAsync(() -> {
            try {
                if (value.isEmpty()) typedKeys.forget(id);
                else typedKeys.put(id, value.get());
            } catch (RuntimeException e) {
                ui.run(() -> message.set("The key was not kept: " + e.getMessage()));
            }
        }, background);
        updateKeyState();
    }

    public void setFilter(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        filter.set(text == null ? "" : text);
        filtered.setPredicate(wanted.isEmpty() ? null : m -> m.id().toLowerCase(Locale.ROOT).contains(wanted)
                || (m.displayName() != null && m.displayName().toLowerCase(Locale.ROOT).contains(wanted)));
    }

    /** Chooses a model by id; any id may be typed, also one the list does not show. */
    public void selectModel(String id) {
        model.set(id == null ? "" : id.strip());
    }

    /** Fetches the model list in the background; also tells whether the server answers. */
    public void refreshModels() {
        ProviderProfile profile = provider.get();
        long generation = ++fetchGeneration;
        modelsState.set(ModelsState.LOADING);
        reach.set(Reach.CHECKING);
        background.execute(() -> {
            List<ModelInfo> found = null;
            ApiError error = null;
            try {
                found = lister.models(profile, keyFor(profile));
                for (ListedModels observer : listedObservers) observer.listed(profile, found);
            } catch (ApiException e) {
                error = e.error();
            } catch (RuntimeException e) {
                error = new ApiError(ApiError.Kind.PROTOCOL, 0, null, e.getMessage());
            }
            List<ModelInfo> result = found;
            ApiError failure = error;
            ui.run(() -> { if (generation == fetchGeneration) showModels(profile, result, failure); });
        });
    }

    /** Same as a refresh: asks the server for its models with the current key. */
    public void testConnection() {
        refreshModels();
    }

    /** Looks for local servers in the background (about a second at most). */
    public void detectLocalServers() {
        detection.set("Looking for local servers…");
        background.execute(() -> {
            List<LocalServer> found;
            try {
                found = detector.get();
            } catch (RuntimeException e) {
                found = List.of();
            }
            List<LocalServer> result = found;
            ui.run(() -> showDetection(result));
        });
    }

    private void loadMark(String baseUrl) {
        boolean marked;
        try {
            marked = marks.load().isMarked(baseUrl);
        } catch (RuntimeException e) {
            marked = false; // unknown prices stay unknown: the safe side
        }
        if (marked) ui.run(() -> applyLocal(baseUrl, true));
    }

    private void applyLocal(String baseUrl, boolean local) {
        for (int i = 0; i < providers.size(); i++) {
            ProviderProfile p = providers.get(i);
            if (isCustom(p) && p.baseUrl().equals(baseUrl)) {
                ProviderProfile changed = Locality.withLocal(p, local);
                boolean chosen = p.equals(provider.get());
                providers.set(i, changed);
                if (chosen) {
                    // after the list holds it, so a combo box showing the list finds the new value in it
                    provider.set(changed);
                    updateKeyState();
                }
            }
        }
    }

    private static boolean isCustom(ProviderProfile p) {
        return p.id().startsWith(Providers.CUSTOM_ID);
    }

    private static ProviderProfile customProfile(String baseUrl) {
        ProviderProfile custom = Providers.custom(baseUrl, null);
        return new ProviderProfile(Providers.CUSTOM_ID + ":" + custom.baseUrl(), custom.name(), custom.baseUrl(),
                null, null, custom.local());
    }

    private void showModels(ProviderProfile profile, List<ModelInfo> found, ApiError error) {
        if (error != null) {
            modelsState.set(ModelsState.FAILED);
            boolean noAnswer = error.kind() == ApiError.Kind.NETWORK || error.kind() == ApiError.Kind.TIMEOUT;
            reach.set(noAnswer ? Reach.UNREACHABLE : Reach.REACHABLE);
            reachMessage.set(describe(profile, error));
            message.set(reachMessage.get());
            return;
        }
        models.setAll(found);
        modelsState.set(ModelsState.LOADED);
        reach.set(Reach.REACHABLE);
        reachMessage.set("Connected to " + profile.name() + ": " + found.size() + (found.size() == 1 ? " model" : " models") + ".");
        message.set("");
        if (model.get().isEmpty() && !found.isEmpty()) {
            model.set(found.stream().filter(ModelInfo::ready).findFirst().orElse(found.getFirst()).id());
        }
    }

    private void showDetection(List<LocalServer> found) {
        running.clear();
        List<String> names = new ArrayList<>();
        for (LocalServer s : found) {
            running.add(s.profile().id());
            names.add(s.profile().name());
        }
        detection.set(found.isEmpty() ? "No local server found running."
                : "Running here: " + String.join(", ", names) + ".");
        if (running.contains(provider.get().id()) && reach.get() == Reach.UNKNOWN) reach.set(Reach.REACHABLE);
    }

    private void updateKeyState() {
        ProviderProfile p = provider.get();
        CompletableFuture<Optional<String>> typedKey = typedKey(keyId(p));
        if (!typedKey.isDone()) {
            keyStatus.set("Reading the key…");
            typedKey.thenRun(() -> ui.run(() -> { if (p.equals(provider.get())) updateKeyState(); }));
            return;
        }
        if (typedKey.join().isPresent()) {
            keyState.set(KeyState.TYPED);
            String masked = KeyMask.mask(typedKey.join().orElse(""));
            keyStatus.set(typedKeys.persistent() ? "Key " + masked + " from the system keyring"
                    : "Typed key " + masked + ", kept for this run only");
        } else if (KeyResolver.fromEnvironment(env).keyFor(p).isPresent()) {
            keyState.set(KeyState.ENVIRONMENT);
            keyStatus.set("Key from $" + p.keyEnv());
        } else if (!p.needsKey()) {
            keyState.set(p.local() ? KeyState.NOT_NEEDED : KeyState.MISSING);
            keyStatus.set(p.local() ? "No key needed" : "Type a key if the server needs one");
        } else {
            keyState.set(KeyState.MISSING);
            keyStatus.set("Set $" + p.keyEnv() + " or type a key");
        }
        warnIfKeyWouldTravelInClear(p);
    }

    private void warnIfKeyWouldTravelInClear(ProviderProfile p) {
        boolean hasKey = keyState.get() == KeyState.TYPED || keyState.get() == KeyState.ENVIRONMENT;
        String refusal = InsecureKey.refusal(p.baseUrl(), hasKey, false, "remove the key if the server needs none");
        if (refusal != null) keyStatus.set(refusal);
    }

    private static String keyId(ProviderProfile p) {
        return isCustom(p) ? Providers.CUSTOM_ID + ":" + p.baseUrl() : p.id();
    }

    static String describe(ProviderProfile profile, ApiError error) {
        String what = switch (error.kind()) {
            case AUTHENTICATION -> "refused the key";
            case PAYMENT -> "reports the balance is spent";
            case NETWORK, TIMEOUT -> "did not answer";
            case NOT_FOUND -> "has no model list at this address";
            case RATE_LIMIT -> "is rate limiting";
            default -> "answered with an error";
        };
        String status = error.status() > 0 ? " (HTTP " + error.status() + ")" : "";
        return profile.name() + " " + what + status + ": " + error.message();
    }
}
