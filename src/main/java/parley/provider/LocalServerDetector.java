package parley.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import parley.api.Loopback;
import parley.api.ReadLimits;

/**
 * Finds which local servers are running by asking each profile's {@code GET /models} on this
 * machine, all at once, within one deadline (about a second in all). Only loopback addresses are
 * probed, and never through a proxy (a proxy cannot reach this machine's servers): nothing leaves
 * this machine.
 */
public final class LocalServerDetector {
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(1_000);

    private final HttpClient http;
    private final Duration deadline;

    public LocalServerDetector() {
        this(DEFAULT_DEADLINE);
    }

    public LocalServerDetector(Duration deadline) {
        this.deadline = deadline;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(deadline)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /** Probes the local profiles of {@link Providers}. */
    public List<LocalServer> detect() {
        return detect(Providers.local());
    }

    /** Probes the given profiles, which must all be on this machine; the answer keeps their order. */
    public List<LocalServer> detect(List<ProviderProfile> profiles) {
        for (ProviderProfile profile : profiles) {
            if (!Loopback.isLoopback(URI.create(profile.baseUrl()))) {
                throw new IllegalArgumentException(profile.name() + " is not on this machine (" + profile.baseUrl()
                        + "): only loopback servers are probed.");
            }
        }
        List<CompletableFuture<LocalServer>> probes = profiles.stream().map(this::probe).toList();
        long end = System.nanoTime() + deadline.toNanos();
        List<LocalServer> found = new ArrayList<>();
        for (CompletableFuture<LocalServer> probe : probes) {
            long left = Math.max(0, end - System.nanoTime());
            try {
                LocalServer server = probe.get(left, TimeUnit.NANOSECONDS);
                if (server != null) {
                    found.add(server);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception notRunning) {
                probe.cancel(true);
            }
        }
        return List.copyOf(found);
    }

    private CompletableFuture<LocalServer> probe(ProviderProfile profile) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(profile.baseUrl() + "/models"))
                .timeout(deadline)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                // each body is read on a thread of its own: a server that stalls mid-body must not hold up the others
                .handleAsync((response, failure) -> failure == null ? answer(profile, response) : null,
                        task -> Thread.ofVirtual().name("parley-probe").start(task));
    }

    /**
     * Any HTTP answer means something listens there; a readable list also names the models. A list
     * past the model-list limit is not read (the server shows with no models).
     */
    private static LocalServer answer(ProviderProfile profile, HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                return new LocalServer(profile, List.of());
            }
            long limit = ReadLimits.DEFAULT.modelListBytes();
            byte[] bytes = body.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                return new LocalServer(profile, List.of());
            }
            return new LocalServer(profile, ModelListParser.parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | IOException unreadable) {
            return new LocalServer(profile, List.of());
        }
    }
}
