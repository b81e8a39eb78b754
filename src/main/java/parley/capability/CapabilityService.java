package parley.capability;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import parley.api.ApiError;
import parley.api.ChatRequest;

/**
 * The capability table merged with what servers refused: {@link #of} tells what a model accepts,
 * ignores or refuses, {@link #leaveOutRefused} drops what it refuses from a request, and
 * {@link #sendWithout} learns a refusal from a 400 and returns the request without that parameter.
 * Learned refusals are kept in the database ({@link RefusalStore}) and held in memory, so {@link #of}
 * and {@link #leaveOutRefused} never touch the database and may run on any thread; {@link #load} and
 * {@link #sendWithout} do, and run off the UI thread.
 */
public final class CapabilityService {
    private final CapabilityTable table;
    private final RefusalStore store;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Refusal> learned = List.of();

    public CapabilityService(CapabilityTable table, RefusalStore store, Clock clock) {
        this.table = table;
        this.store = store;
        this.clock = clock;
    }

    /** The built-in table and the refusals kept in {@code store}. */
    public static CapabilityService over(RefusalStore store) {
        return new CapabilityService(Capabilities.BUILT_IN, store, Clock.systemUTC());
    }

    /** How a provider is named in the learned refusals: its id, or {@code custom:} and the base URL. */
    public static String providerKey(String providerId, String baseUrl) {
        if (baseUrl == null) {
            return providerId;
        }
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return "custom:" + url;
    }

    /** Reads the refusals kept in the database (touches it); tells the listeners. */
    public void load() {
        learned = List.copyOf(store.all());
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} (on the thread that learned) after every load and every refusal learned. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * What the model does with each parameter: the built-in table's rows for the provider and model,
     * then the refusals learned for exactly that provider and model. {@code baseUrl} is null for a
     * built-in provider.
     */
    public ModelCapabilities of(String providerId, String baseUrl, String model) {
        return of(providerId, baseUrl, model, false);
    }

    /** As {@link #of(String, String, String)}, with {@code thinking} on when the request turns thinking on ({@link Thinking}). */
    public ModelCapabilities of(String providerId, String baseUrl, String model, boolean thinking) {
        ModelCapabilities result = table.lookup(providerId, model, thinking);
        String key = providerKey(providerId, baseUrl);
        for (Refusal refusal : learned) {
            if (refusal.provider().equals(key) && refusal.model().equals(model)) {
                result = result.with(refusal.parameter(), new Support.Refused(refusal.reason()));
            }
        }
        return result;
    }

    /** {@code request} without what the model refuses. */
    public ChatRequest leaveOutRefused(String providerId, String baseUrl, ChatRequest request) {
        return RequestWithout.withoutRefused(request,
                of(providerId, baseUrl, request.model(), Thinking.on(request.extra())));
    }

    /** The optional parameter {@code error} (a 400) names as the one the server refused, if any. */
    public Optional<String> refusedParameter(ApiError error) {
        return RefusedParameter.in(error);
    }

    /**
     * Learns that the model of {@code request} at this provider refuses {@code parameter} (kept in the
     * database) and returns {@code request} without it. {@code serverMessage} is what the server said.
     */
    public ChatRequest sendWithout(String providerId, String baseUrl, ChatRequest request, String parameter,
                                   String serverMessage) {
        learn(providerId, baseUrl, request.model(), parameter, serverMessage);
        return RequestWithout.without(request, parameter);
    }

    /** Keeps "model {@code model} of this provider refuses {@code parameter}"; tells the listeners. */
    public void learn(String providerId, String baseUrl, String model, String parameter, String serverMessage) {
        if (!Parameters.known(parameter)) {
            throw new IllegalArgumentException("'" + parameter + "' is not a parameter that can be left out: use one of "
                    + Parameters.ALL + ".");
        }
        String said = serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage.strip();
        Refusal refusal = new Refusal(providerKey(providerId, baseUrl), model, parameter,
                "the server refused it with a 400" + said, clock.millis());
        store.save(refusal);
        learned = List.copyOf(store.all());
        listeners.forEach(Runnable::run);
    }
}
