package parley.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.StreamEvent;
import parley.engine.EngineCommand;
import parley.engine.EngineHost;
import parley.engine.EngineProcess;
import parley.engine.EngineSettings;

/**
 * The built-in engine against llama.cpp driven directly, in one run over the same model
 * ({@code ../shared/models/parley-bench-small.gguf}, or the path given): tokens per second streamed
 * through {@code parley serve} and the project's {@link ChatClient}, against {@code de.kherud:llama}
 * generating in this process with the same prompt, seed, settings and thread count; the time from
 * choosing the file to the first token; the engine process's resident memory against the file's size.
 * Prints figures; asserts nothing. Run: {@code mvn -Pbench -DskipTests test -Dbench.main=parley.bench.EngineBenchmark}.
 */
public final class EngineBenchmark {
    static final int TOKENS = 512;
    static final int ROUNDS = 5;
    static final int THREADS = 1;
    static final int SEED = 42;

    public static void main(String[] args) throws Exception {
        Path model = args.length > 0 ? Path.of(args[0]) : benchModel();
        if (!Files.isRegularFile(model)) {
            System.err.println("no model at " + model + ": give the path of parley-bench-small.gguf");
            System.exit(2);
        }
        EngineHost host = new EngineHost(EngineCommand.current(Path.of(System.getProperty("java.io.tmpdir"))),
                new EngineSettings(0, THREADS, null), () -> Long.MAX_VALUE, Duration.ofMinutes(2));
        long chosen = System.nanoTime();
        host.select(model);
        AtomicLong firstToken = new AtomicLong();
        ChatClient[] client = new ChatClient[1];
        EngineProcess engine = host.running();
        client[0] = new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null));
        served(client[0], () -> firstToken.compareAndSet(0, System.nanoTime()));
        double toFirstToken = (firstToken.get() - chosen) / 1e6;

        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        LlamaModel direct = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(4096)
                .setThreads(THREADS).setParallel(1).disableLog());
        String prompt = direct.applyTemplate(new InferenceParameters("")
                .setMessages(null, List.of(new Pair<>("user", "Tell me a long story about a lighthouse."))));
        direct(direct, prompt); // warm-up

        List<Double> servedRates = new ArrayList<>();
        List<Double> directRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            servedRates.add(served(client[0], () -> { }));
            directRates.add(direct(direct, prompt));
        }
        long rss = residentBytes(engine.pid());
        double servedMedian = median(servedRates);
        double directMedian = median(directRates);
        System.out.printf(Locale.ROOT, "model %s (%.1f MB), %d tokens a round, %d rounds, %d thread(s)%n",
                model.getFileName(), Files.size(model) / 1048576.0, TOKENS, ROUNDS, THREADS);
        System.out.printf(Locale.ROOT, "serve + ChatClient: %.0f tokens/s (median; rounds %s)%n", servedMedian, rounded(servedRates));
        System.out.printf(Locale.ROOT, "in process:         %.0f tokens/s (median; rounds %s)%n", directMedian, rounded(directRates));
        System.out.printf(Locale.ROOT, "ratio served / in process: %.2f%n", servedMedian / directMedian);
        System.out.printf(Locale.ROOT, "from choosing the file to the first token: %.0f ms%n", toFirstToken);
        System.out.printf(Locale.ROOT, "engine process resident memory: %.1f MB, %.1f x the file%n",
                rss / 1048576.0, rss / (double) Files.size(model));
        client[0].close();
        host.close();
        System.exit(0); // the native library's thread would keep this JVM alive
    }

    /** {@code ../shared/models/} beside the repository (or beside the folder that holds this worktree). */
    private static Path benchModel() {
        Path here = Path.of("").toAbsolutePath();
        for (Path folder = here.getParent(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared/models/parley-bench-small.gguf");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return here.resolveSibling("shared/models/parley-bench-small.gguf");
    }

    /** Tokens per second of one streamed request, counted by the engine's usage. */
    private static double served(ChatClient client, Runnable onFirstToken) throws InterruptedException {
        ChatRequest request = new ChatRequest("bench", List.of(ChatMessage.user("Tell me a long story about a lighthouse.")),
                TOKENS, 0.8, null, null, null, null, true, ChatRequest.StreamOptions.INCLUDE_USAGE, Map.of("seed", SEED));
        long start = System.nanoTime();
        ChatResult result = client.start(request, e -> {
            if (e instanceof StreamEvent.Delta) {
                onFirstToken.run();
            }
        }).await();
        if (!result.ok()) {
            throw new IllegalStateException("the served request failed: " + result.error());
        }
        return result.usage().completionTokens() / ((System.nanoTime() - start) / 1e9);
    }

    private static double direct(LlamaModel model, String prompt) {
        InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(TOKENS).setTemperature(0.8f)
                .setTopP(1f).setSeed(SEED);
        long start = System.nanoTime();
        int outputs = 0;
        for (LlamaOutput ignored : model.generate(parameters)) {
            outputs++;
        }
        return (outputs - 1) / ((System.nanoTime() - start) / 1e9);
    }

    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }
}
