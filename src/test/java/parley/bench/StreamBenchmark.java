package parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.CompletionParser;
import parley.api.SseDecoder;
import parley.api.StreamEvent;

/**
 * Reads one loopback stream of 200,000 chunks with Parley's ChatClient (decode and dispatch of
 * events to a consumer), with the official OpenAI Java SDK, and with a plain HttpClient + Jackson-tree
 * loop, side by side in one JVM (plus ChatClient's decoder and parser on the same bytes in memory): chunks per second for each, the ratio, and heap use after 20,000
 * and 200,000 chunks. Prints figures; asserts nothing.
 * Run: {@code mvn -Pbench -DskipTests test}.
 */
public final class StreamBenchmark {
    static final int CHUNKS = 200_000;
    static final int WARMUP_ROUNDS = 3;
    static final int MEASURED_ROUNDS = 5;

    interface Reader {
        String name();

        /** Reads the whole stream; calls {@code onChunk} with the running count of content chunks. */
        long read(IntConsumer onChunk) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        byte[] body = streamBody(CHUNKS);
        try (LoopbackStreamServer server = new LoopbackStreamServer(body)) {
            List<Reader> readers = List.of(parley(server.baseUrl()), sdk(server.baseUrl()), plainLoop(server.baseUrl()),
                    inMemory(body));
            System.out.printf(Locale.ROOT, "stream: %,d chunks, %,d bytes, loopback HTTP/1.1 chunked; %d cores, %s%n",
                    CHUNKS, body.length, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                for (Reader reader : readers) {
                    check(reader, reader.read(n -> {}));
                }
            }
            double[][] rates = new double[readers.size()][MEASURED_ROUNDS];
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                for (int r = 0; r < readers.size(); r++) {
                    long start = System.nanoTime();
                    long chunks = readers.get(r).read(n -> {});
                    double seconds = (System.nanoTime() - start) / 1e9;
                    check(readers.get(r), chunks);
                    rates[r][round] = chunks / seconds;
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-34s %14s %14s %12s %12s%n", "reader", "median chunk/s", "best chunk/s",
                    "heap@20k MB", "heap@200k MB");
            double parleyMedian = median(rates[0]);
            for (int r = 0; r < readers.size(); r++) {
                long[] heap = heapAt(readers.get(r));
                System.out.printf(Locale.ROOT, "%-34s %,14.0f %,14.0f %12.1f %12.1f%n", readers.get(r).name(),
                        median(rates[r]), Arrays.stream(rates[r]).max().orElse(0), heap[0] / 1e6, heap[1] / 1e6);
            }
            System.out.println();
            for (int r = 1; r < readers.size() - 1; r++) {
                System.out.printf(Locale.ROOT, "ChatClient / %s: %.2fx (median)%n", readers.get(r).name(),
                        parleyMedian / median(rates[r]));
            }
        }
        System.exit(0);
    }

    private static void check(Reader reader, long chunks) {
        if (chunks != CHUNKS) {
            throw new IllegalStateException(reader.name() + " read " + chunks + " chunks, expected " + CHUNKS);
        }
    }

    /** Heap in use (after a full GC) once 20,000 and 200,000 chunks have been read. */
    private static long[] heapAt(Reader reader) throws Exception {
        long[] heap = new long[2];
        reader.read(n -> {
            if (n == 20_000) heap[0] = usedAfterGc();
            if (n == CHUNKS) heap[1] = usedAfterGc();
        });
        return heap;
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static Reader parley(String baseUrl) {
        ChatClient client = new ChatClient(ClientConfig.of(baseUrl, "bench-key"));
        ChatRequest request = ChatRequest.of("bench-model", List.of(ChatMessage.user("hi")))
                .withStream(true, ChatRequest.StreamOptions.INCLUDE_USAGE);
        return new Reader() {
            public String name() { return "Parley ChatClient"; }

            public long read(IntConsumer onChunk) throws Exception {
                long[] count = new long[1];
                ChatResult result = client.start(request, event -> {
                    if (event instanceof StreamEvent.Delta) {
                        onChunk.accept((int) ++count[0]);
                    }
                }).await();
                if (!result.ok()) throw new IllegalStateException("Parley: " + result.error());
                return count[0];
            }
        };
    }

    static Reader sdk(String baseUrl) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("bench-key").maxRetries(0).build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("bench-model").addUserMessage("hi").build();
        return new Reader() {
            public String name() { return "OpenAI Java SDK 4.15.0 (OkHttp)"; }

            public long read(IntConsumer onChunk) {
                long[] count = new long[1];
                try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                    stream.stream().forEach(chunk -> {
                        if (!chunk.choices().isEmpty() && chunk.choices().getFirst().delta().content().isPresent()
                                && !chunk.choices().getFirst().delta().content().get().isEmpty()) {
                            onChunk.accept((int) ++count[0]);
                        }
                    });
                }
                return count[0];
            }
        };
    }

    /** ChatClient's hot path without HTTP: the same bytes through SseDecoder and CompletionParser. */
    static Reader inMemory(byte[] body) {
        return new Reader() {
            public String name() { return "decoder + parser, in memory"; }

            public long read(IntConsumer onChunk) {
                long[] count = new long[1];
                CompletionParser parser = new CompletionParser(200);
                java.util.function.Consumer<StreamEvent> events = event -> {
                    if (event instanceof StreamEvent.Delta) {
                        onChunk.accept((int) ++count[0]);
                    }
                };
                SseDecoder decoder = new SseDecoder((type, data, off, len) -> {
                    if (len == 6 && data[off] == '[') return; // [DONE]
                    try {
                        parser.parse(data, off, len, events);
                    } catch (CompletionParser.MalformedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                for (int off = 0; off < body.length; off += 16 * 1024) {
                    decoder.feed(body, off, Math.min(16 * 1024, body.length - off));
                }
                decoder.finish();
                return count[0];
            }
        };
    }

    /** The simple way: HttpClient lines, strip "data: ", Jackson tree per chunk. */
    static Reader plainLoop(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        return new Reader() {
            public String name() { return "HttpClient + Jackson tree loop"; }

            public long read(IntConsumer onChunk) throws Exception {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"bench-model\",\"stream\":true}")).build();
                HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                long count = 0;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 65536)) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (!line.startsWith("data:")) continue;
                        String data = line.substring(line.startsWith("data: ") ? 6 : 5);
                        if (data.equals("[DONE]")) break;
                        JsonNode content = json.readTree(data).path("choices").path(0).path("delta").path("content");
                        if (content.isTextual() && !content.asText().isEmpty()) {
                            onChunk.accept((int) ++count);
                        }
                    }
                }
                return count;
            }
        };
    }

    /** An OpenAI-shaped stream: a role chunk, {@code chunks} content chunks, a finish chunk, a usage chunk, [DONE]. */
    public static byte[] streamBody(int chunks) {
        StringBuilder sb = new StringBuilder(chunks * 230);
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"bench-model\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"delta\":";
        sb.append(head).append("{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        List<String> words = new ArrayList<>(List.of(" the", " quick", " brown", " fox", " jumps", " over", " a",
                " lazy", " dog", " and", " runs", " off", "é", " 世界", "\\n", " \\\"quoted\\\""));
        for (int i = 0; i < chunks; i++) {
            sb.append(head).append("{\"content\":\"").append(words.get(i % words.size()))
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        sb.append(head).append("{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"bench-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":")
                .append(chunks).append(",\"total_tokens\":").append(chunks + 9).append("}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
