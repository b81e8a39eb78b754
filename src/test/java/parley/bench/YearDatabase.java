package parley.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import parley.app.AppDatabase;
import parley.preset.ParameterSet;
import parley.preset.PresetStore;
import parley.store.Database;
import parley.usage.CostRule;
import parley.usage.Price;
import parley.usage.PriceSource;
import parley.usage.TokenCounts;

/**
 * Writes "a year of heavy use" into a new database through the product's own schema (its migrations,
 * its FTS triggers) and stores: 5,000 conversations with 250,000 messages (about 30 MB of text; the
 * first {@link Shape#longConversations} conversations hold 2,000 messages each), 300,000 ledger rows
 * spread over the 365 days that end on {@code end}, and 300 presets. Deterministic for a seed and an
 * end day. Rows go in with batched inserts in one transaction, so the whole year takes seconds.
 *
 * <p>Run: {@code java -cp TEST_CLASSPATH parley.bench.YearDatabase OUT.db [SCALE] [END_DAY]}; a scale
 * of 100 writes a hundredth of everything (conversations of 20 messages instead of 2,000).
 */
public final class YearDatabase {
    public static final long SEED = 2026;
    public static final int DAYS = 365;

    /** The figures of one generated database. */
    public record Shape(int conversations, int messages, int longConversations, int longLength, int ledgerRows,
                        int presets) {
        public static Shape scaled(int divisor) {
            return new Shape(5_000 / divisor, 250_000 / divisor, Math.max(1, 10 / divisor), 2_000 / divisor,
                    300_000 / divisor, Math.max(1, 300 / divisor));
        }
    }

    /** Providers and models of the ledger and the conversations; a null price: a local model, no known price. */
    private record Model(String provider, String id, Price price) {}

    private static final List<Model> MODELS = List.of(
            model("atlascloud", "deepseek-ai/deepseek-v3.2-speciale", "0.40", "1.20", null),
            model("atlascloud", "deepseek-ai/deepseek-v3.2", "0.26", "0.38", "0.13"),
            model("deepseek", "deepseek-chat", "0.28", "0.42", "0.028"),
            model("deepseek", "deepseek-reasoner", "0.28", "0.42", "0.028"),
            model("openrouter", "qwen/qwen3-235b-a22b", "0.13", "0.60", null),
            model("openai", "gpt-4.1-mini", "0.40", "1.60", "0.10"),
            new Model("ollama", "llama3.2:3b", null),
            new Model("llama-server", "qwen2.5-coder-7b", null));

    /** Words of the generated text; a few share prefixes ("t", "te", "tem", …) so search as you type has work. */
    private static final String[] WORDS = ("the a of to and in is it that for with as on be this you are by not or "
            + "temperature template temporal temporary tempo tempest temple tenant tensor tension tenth term test "
            + "testing text texture token tokenizer top_p topic total trace train transformer tree trial tune "
            + "model prompt reply stream request response latency budget cost price ledger usage provider "
            + "parameter penalty frequency presence stop sequence reasoning answer question example code java "
            + "python rust function method class record interface thread executor future promise callback "
            + "database index query search snippet rank window panel chart table scroll list card message "
            + "conversation history export import branch session preset system user assistant tool call "
            + "result error retry timeout network socket header body json schema field value number string "
            + "array object null true false memory heap garbage pulse frame render layout node scene stage "
            + "markdown heading paragraph bullet quote link image emphasis strong inline block fence language "
            + "espresso walrus harbour lantern meadow orchard quartz saffron thimble umbrella velvet zephyr")
            .split(" ");

    private YearDatabase() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: YearDatabase OUT.db [SCALE] [END_DAY]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        LocalDate end = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        Shape shape = write(out, Shape.scaled(scale), end, SEED);
        System.out.printf(Locale.ROOT, "wrote %s: %d conversations, %d messages, %d ledger rows, %d presets,"
                        + " %.1f MB, in %.1f s%n", out, shape.conversations(), shape.messages(), shape.ledgerRows(),
                shape.presets(), Files.size(out) / 1048576.0, (System.nanoTime() - start) / 1e9);
    }

    /** Writes a new database at {@code file} (an existing one is replaced) and returns its shape. */
    public static Shape write(Path file, Shape shape, LocalDate end, long seed) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        Random random = new Random(seed);
        long endMillis = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        long startMillis = end.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (Database database = AppDatabase.open(file)) {
            List<String> replyIds = new ArrayList<>();
            List<String> replyConversations = new ArrayList<>();
            database.write(c -> {
                writeConversations(c, shape, random, startMillis, endMillis, replyIds, replyConversations);
                writeLedger(c, shape, random, end, replyIds, replyConversations);
                return null;
            });
            PresetStore presets = new PresetStore(database);
            for (int i = 0; i < shape.presets(); i++) {
                presets.save(String.format(Locale.ROOT, "preset %03d %s", i, WORDS[20 + random.nextInt(40)]),
                        new ParameterSet(256 + random.nextInt(4096), round(random.nextDouble() * 2),
                                round(random.nextDouble()), 0.0, 0.0, List.of(), random.nextBoolean(), true,
                                sentence(random, 8 + random.nextInt(20))));
            }
            database.read(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        return shape;
    }

    private static void writeConversations(Connection c, Shape shape, Random random, long startMillis,
                                           long endMillis, List<String> replyIds, List<String> replyConversations)
            throws SQLException {
        int[] lengths = lengths(shape, random);
        try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversations(id, title, renamed, provider, "
                + "model, system_prompt, created_at, updated_at) VALUES (?, ?, 0, ?, ?, '', ?, ?)");
             PreparedStatement msg = c.prepareStatement("INSERT INTO messages(id, conversation_id, position, role, "
                     + "content, reasoning, status, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                     + "'COMPLETE', ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < shape.conversations(); i++) {
                String id = uuid(random);
                Model model = MODELS.get(random.nextInt(MODELS.size()));
                long created = startMillis + (long) (random.nextDouble() * (endMillis - startMillis - 3_600_000L));
                List<String> texts = new ArrayList<>();
                for (int p = 0; p < lengths[i]; p++) {
                    texts.add(p % 2 == 0 ? sentence(random, 4 + random.nextInt(30))
                            : paragraphs(random, 6 + random.nextInt(44)));
                }
                long[] times = new long[texts.size()];
                long at = created;
                for (int p = 0; p < times.length; p++) {
                    at += 1_000 + random.nextInt(60_000);
                    times[p] = Math.min(at, endMillis);
                }
                String first = texts.getFirst();
                conv.setString(1, id);
                conv.setString(2, first.length() > 60 ? first.substring(0, 60) : first);
                conv.setString(3, model.provider());
                conv.setString(4, model.id());
                conv.setLong(5, created);
                conv.setLong(6, times[times.length - 1]);
                conv.executeUpdate();
                for (int p = 0; p < texts.size(); p++) {
                    boolean user = p % 2 == 0;
                    String messageId = uuid(random);
                    msg.setString(1, messageId);
                    msg.setString(2, id);
                    msg.setInt(3, p);
                    msg.setString(4, user ? "user" : "assistant");
                    msg.setString(5, texts.get(p));
                    msg.setString(6, !user && model.id().contains("reasoner") ? sentence(random, 20) : "");
                    if (user) msg.setNull(7, Types.VARCHAR); else msg.setString(7, model.id());
                    msg.setLong(8, times[p]);
                    msg.setLong(9, times[p]);
                    msg.addBatch();
                    if (!user) {
                        replyIds.add(messageId);
                        replyConversations.add(id);
                    }
                    if (++pending == 1_000) {
                        msg.executeBatch();
                        pending = 0;
                    }
                }
            }
            msg.executeBatch();
        }
    }

    /** How many messages each conversation has: the long ones first, the rest between 2 and about twice the mean. */
    private static int[] lengths(Shape shape, Random random) {
        int[] lengths = new int[shape.conversations()];
        int rest = shape.messages() - shape.longConversations() * shape.longLength();
        int others = shape.conversations() - shape.longConversations();
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = i < shape.longConversations() ? shape.longLength() : 2;
        }
        rest -= others * 2;
        // the remaining messages go out in pairs (a question and its answer) to random ordinary conversations
        while (rest >= 2) {
            lengths[shape.longConversations() + random.nextInt(others)] += 2;
            rest -= 2;
        }
        if (rest == 1) {
            lengths[shape.longConversations()]++;
        }
        return lengths;
    }

    private static void writeLedger(Connection c, Shape shape, Random random, LocalDate end, List<String> replyIds,
                                    List<String> replyConversations) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO usage_ledger (at_ms, day, provider, model, "
                + "prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, estimated, cost_usd, ttft_ms, "
                + "duration_ms, outcome, conversation_id, message_id, origin) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < shape.ledgerRows(); i++) {
                // every day has rows; later rows spread over the year with more on weekdays
                int dayIndex = i < DAYS ? i : random.nextInt(DAYS);
                LocalDate day = end.minusDays(dayIndex);
                long at = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + random.nextInt(86_400_000);
                Model model = MODELS.get(random.nextInt(MODELS.size()));
                long prompt = 20 + random.nextInt(8_000);
                long completion = random.nextInt(2_000);
                long reasoning = model.id().contains("reasoner") ? random.nextInt((int) completion + 1) : 0;
                long cached = random.nextInt(4) == 0 ? random.nextInt((int) prompt) : 0;
                boolean estimated = random.nextInt(20) == 0;
                TokenCounts tokens = new TokenCounts(prompt, completion, reasoning, cached, estimated);
                BigDecimal cost = model.price() == null ? null : CostRule.dollars(model.price(), tokens);
                boolean window = random.nextInt(5) != 0;
                int reply = window && !replyIds.isEmpty() ? random.nextInt(replyIds.size()) : -1;
                int outcome = random.nextInt(100);
                st.setLong(1, at);
                st.setString(2, day.toString());
                st.setString(3, model.provider());
                st.setString(4, model.id());
                st.setLong(5, prompt);
                st.setLong(6, completion);
                st.setLong(7, reasoning);
                st.setLong(8, cached);
                st.setInt(9, estimated ? 1 : 0);
                if (cost == null) st.setNull(10, Types.VARCHAR); else st.setString(10, cost.toPlainString());
                st.setLong(11, 100 + random.nextInt(3_000));
                st.setLong(12, 500 + random.nextInt(60_000));
                st.setString(13, outcome < 94 ? "ok" : outcome < 97 ? "error" : outcome < 99 ? "stopped" : "truncated");
                st.setString(14, reply < 0 ? null : replyConversations.get(reply));
                st.setString(15, reply < 0 ? null : replyIds.get(reply));
                st.setString(16, window ? "window" : "cli");
                st.addBatch();
                if (i % 1_000 == 999) st.executeBatch();
            }
            st.executeBatch();
        }
    }

    /** Assistant text: a few paragraphs of about {@code words} words, now and then a list or a code block. */
    private static String paragraphs(Random random, int words) {
        StringBuilder out = new StringBuilder();
        int left = words;
        while (left > 0) {
            int n = Math.min(left, 8 + random.nextInt(30));
            if (!out.isEmpty()) out.append("\n\n");
            int kind = random.nextInt(10);
            if (kind == 0) {
                out.append("```java\nvar ").append(WORDS[20 + random.nextInt(40)]).append(" = ")
                        .append(sentence(random, 3)).append(";\n```");
            } else if (kind == 1) {
                out.append("- ").append(sentence(random, n / 2)).append("\n- ").append(sentence(random, n - n / 2));
            } else {
                out.append(sentence(random, n));
            }
            left -= n;
        }
        return out.toString();
    }

    /** {@code words} words, the frequent ones often (a rough Zipf curve), capitalised, with a full stop. */
    private static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            double u = random.nextDouble();
            String word = WORDS[(int) (WORDS.length * u * u * u)];
            if (i == 0) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                out.append(' ').append(word);
            }
        }
        return out.append('.').toString();
    }

    private static Model model(String provider, String id, String input, String output, String cached) {
        return new Model(provider, id, new Price(new BigDecimal(input), new BigDecimal(output),
                cached == null ? null : new BigDecimal(cached), LocalDate.of(2026, 1, 1), PriceSource.CATALOG));
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
