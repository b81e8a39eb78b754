package parley.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.ProviderBackends;
import parley.history.ConversationStore;
import parley.history.HistoryRecorder;
import parley.history.HistoryService;
import parley.history.SavedMessage;
import parley.provider.KeyResolver;
import parley.provider.ProviderClients;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.usage.BudgetSettings;
import parley.usage.GroupBy;
import parley.usage.RequestOrigin;
import parley.usage.UsageFilter;
import parley.usage.UsageReport;
import parley.usage.UsageService;

/**
 * The service side of a year of use: the same operations on an empty database and on the year that
 * {@link YearDatabase} writes, side by side in one JVM, with the ratio year / empty. No window: what
 * the window asks of the services when it starts, lists and searches the history, opens the longest
 * conversation, refreshes the usage panel and sends. Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code installer/bench-scale.sh}, or {@code java -cp TEST_CLASSPATH parley.bench.YearBench YEAR.db}.
 */
public final class YearBench {
    /** What a user types into the history's search, one keystroke at a time. */
    private static final List<String> TYPED = List.of("temperature", "token budget", "stream", "walrus", "snippet rank",
            "xyzzy");
    private static final int ROUNDS = 10;
    private static final int SEARCH_ROUNDS = 5;

    private final Path work;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<Row> rows = new ArrayList<>();

    private record Row(String name, String target, double empty, double year, String unit) {}

    private YearBench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path year = Path.of(args.length > 0 ? args[0] : "target/year.db");
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench-scale");
        if (!Files.exists(year)) {
            YearDatabase.write(year, YearDatabase.Shape.scaled(1), LocalDate.now(ZoneOffset.UTC), YearDatabase.SEED);
        }
        new YearBench(work).run(year);
    }

    private void run(Path yearFile) throws Exception {
        Files.createDirectories(work);
        Path empty = work.resolve("empty.db");
        Path year = work.resolve("year.db");
        for (Path p : List.of(empty, year)) {
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(p + suffix));
        }
        Files.copy(yearFile, year, StandardCopyOption.REPLACE_EXISTING);
        try (Database db = AppDatabase.open(empty)) {
            // the empty database's one conversation: a question and its answer, to open and to send in
            ConversationStore store = new ConversationStore(db);
            String id = store.create("custom", "tiny", "");
            store.saveMessage(id, SavedMessage.typed("q", "user", "What is the temperature of tea?", null));
            store.saveMessage(id, SavedMessage.typed("a", "assistant", "About 80 degrees.", null));
        }
        Side e = new Side(empty);
        Side y = new Side(year);

        compare("open the database for the window (migrations, the schema read)", "", e::open, y::open);
        compare("open it with the check of the whole file, as the command line does", "", e::openChecked, y::openChecked);
        try (Database de = AppDatabase.openForWindow(empty); Database dy = AppDatabase.openForWindow(year)) {
            e.attach(de);
            y.attach(dy);
            compare("the check of the whole file, once the window is up (its own connection and thread)", "",
                    e::checkWhole, y::checkWhole);
            compare("history list: every conversation, newest first", "", e::list, y::list);
            searches(e, y);
            compare("open the longest conversation: read it", "≤ 300 ms with the first screen",
                    e::loadLongest, y::loadLongest);
            compare("open the longest conversation: read it and put it in the chat", "≤ 300 ms with the first screen",
                    e::openLongest, y::openLongest);
            heap(e, y);
            compare("usage panel refresh: totals, table by model and chart for a year", "≤ 100 ms",
                    e::usagePanel, y::usagePanel);
            rows.add(new Row("the same, summed in Java from every ledger row, as before the rollup (one run)", "",
                    time(e::usagePanelInJava), time(y::usagePanelInJava), "ms"));
            compare("budget check before a send (budget set)", "", e::budgetCheck, y::budgetCheck);
            sends(e, y);
            e.detach();
            y.detach();
        }
        print();
    }

    private void compare(String name, String target, Supplier<Object> empty, Supplier<Object> year) {
        for (int i = 0; i < 3; i++) { // warm up both
            empty.get();
            year.get();
        }
        double[] e = new double[ROUNDS];
        double[] y = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) { // interleaved, so a busy moment of the machine hits both
            e[i] = time(empty);
            y[i] = time(year);
        }
        rows.add(new Row(name + " (median)", target, median(e), median(y), "ms"));
    }

    private void searches(Side e, Side y) {
        List<String> prefixes = new ArrayList<>();
        for (String text : TYPED) {
            for (int i = 1; i <= text.length(); i++) {
                if (text.charAt(i - 1) != ' ') prefixes.add(text.substring(0, i));
            }
        }
        for (String p : prefixes) { // warm up
            e.search(p);
            y.search(p);
        }
        double[] te = new double[prefixes.size() * SEARCH_ROUNDS];
        double[] ty = new double[te.length];
        int n = 0;
        for (int r = 0; r < SEARCH_ROUNDS; r++) {
            for (String p : prefixes) {
                te[n] = time(() -> e.search(p));
                ty[n++] = time(() -> y.search(p));
            }
        }
        String what = "search as you type, " + prefixes.size() + " prefixes × " + SEARCH_ROUNDS + " (50 hits, ranked, snippets)";
        rows.add(new Row(what + ", p50", "", percentile(te, 50), percentile(ty, 50), "ms"));
        rows.add(new Row(what + ", p95", "≤ 50 ms", percentile(te, 95), percentile(ty, 95), "ms"));
        rows.add(new Row(what + ", max", "", percentile(te, 100), percentile(ty, 100), "ms"));
    }

    private void heap(Side e, Side y) {
        e.chat.newConversation();
        y.chat.newConversation();
        long base = usedAfterGc();
        Object held = e.openLongest();
        long withEmpty = usedAfterGc() - base;
        keep(held);
        held = null;
        e.chat.newConversation();
        base = usedAfterGc();
        held = y.openLongest();
        long withYear = usedAfterGc() - base;
        keep(held);
        rows.add(new Row("heap held by the open conversation (services: saved and chat messages)", "≤ 300 MB with the window",
                withEmpty / 1048576.0, withYear / 1048576.0, "MB"));
    }

    private void sends(Side e, Side y) throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            AtomicLong arrived = new AtomicLong();
            server.fallback(r -> {
                arrived.set(System.nanoTime());
                return ScriptedServer.Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Fine.\"},"
                        + "\"finish_reason\":\"stop\"}]}");
            });
            e.prepareChat(server.baseUrl());
            y.prepareChat(server.baseUrl());
            for (int i = 0; i < 2; i++) {
                e.send(arrived);
                y.send(arrived);
            }
            double[][] te = new double[3][ROUNDS];
            double[][] ty = new double[3][ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                Sent se = e.send(arrived);
                Sent sy = y.send(arrived);
                te[0][i] = se.total();
                ty[0][i] = sy.total();
                te[1][i] = se.budget();
                ty[1][i] = sy.budget();
                te[2][i] = se.total() - se.budget();
                ty[2][i] = sy.total() - sy.budget();
            }
            rows.add(new Row("Send to the request on the wire, in the longest conversation (median)", "≤ 30 ms",
                    median(te[0]), median(ty[0]), "ms"));
            rows.add(new Row("the same, slowest of " + ROUNDS, "", percentile(te[0], 100), percentile(ty[0], 100), "ms"));
            rows.add(new Row("of which the budget check (median)", "", median(te[1]), median(ty[1]), "ms"));
            rows.add(new Row("of which from the chat service's send to the server (median)", "",
                    median(te[2]), median(ty[2]), "ms"));
        }
    }

    /** One database and what the window keeps over it. */
    private final class Side {
        private final Path file;
        private Database database;
        private ConversationStore store;
        private UsageService usage;
        private String longest;
        private ChatService chat;
        private HistoryRecorder recorder;
        private HistoryService history;

        Side(Path file) {
            this.file = file;
        }

        Object open() {
            try (Database db = AppDatabase.openForWindow(file)) {
                return db.version();
            }
        }

        Object openChecked() {
            try (Database db = AppDatabase.open(file)) {
                return db.version();
            }
        }

        Object checkWhole() {
            return database.checkWhole().orElse("ok");
        }

        void attach(Database db) {
            database = db;
            store = new ConversationStore(db);
            usage = UsageService.over(db, Clock.systemUTC());
            usage.saveBudget(new BudgetSettings(new BigDecimal("5"), new BigDecimal("100"), false));
            // the window's backends: one client per provider, kept (its connection too) from one Send to the next
            chat = new ChatService(new ProviderBackends(new ProviderClients(KeyResolver.fromEnvironment(Map.of()))),
                    r -> { });
            recorder = new HistoryRecorder(chat, store, err -> System.err.println("history: " + err));
            history = new HistoryService(store, chat, recorder);
            longest = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT conversation_id FROM messages "
                        + "GROUP BY conversation_id ORDER BY count(*) DESC LIMIT 1")) {
                    return rs.getString(1);
                }
            });
        }

        void detach() {
            if (recorder != null) recorder.close();
        }

        Object list() { return store.list(); }

        Object search(String text) { return store.search(text, HistoryService.SEARCH_LIMIT); }

        Object loadLongest() { return store.load(longest).orElseThrow(); }

        /** What opening a conversation from the history does before the transcript shows it (from a new chat). */
        Object openLongest() {
            chat.newConversation();
            history.open(longest);
            return chat.conversation();
        }

        /** What the usage panel reads on a refresh (its view model's snapshot). */
        Object usagePanel() {
            UsageFilter yearFilter = UsageFilter.since(today.minusDays(364));
            return List.of(usage.overview(longest), usage.group(yearFilter, GroupBy.MODEL), usage.dailyCosts(yearFilter),
                    usage.providers(), usage.models(), usage.prices(), usage.budget());
        }

        Object usagePanelInJava() {
            UsageFilter yearFilter = UsageFilter.since(today.minusDays(364));
            var ledger = usage.tracker().ledger();
            var all = ledger.entries(UsageFilter.ALL);
            return List.of(UsageReport.group(ledger.entries(yearFilter), GroupBy.MODEL),
                    UsageReport.dailyCostsByModel(ledger.entries(yearFilter)), all.size());
        }

        Object budgetCheck() {
            return usage.checkBudget(origin(), chat.nextRequest("Hello"));
        }

        void prepareChat(String url) {
            chat.newConversation();
            history.open(longest);
            chat.setSettings(ChatSettings.defaults().withProvider("custom", url).withModel("tiny"));
        }

        /**
         * From Send (the budget check, then the chat service) to the request read by the server. The
         * history's saves are let finish before the next Send, as they do while a user reads the reply.
         */
        Sent send(AtomicLong arrived) {
            arrived.set(0);
            long start = System.nanoTime();
            usage.checkBudget(origin(), chat.nextRequest("How warm should the tea be?"));
            long checked = System.nanoTime();
            var reply = chat.send("How warm should the tea be?");
            try {
                reply.await();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            recorder.flush();
            return new Sent((arrived.get() - start) / 1e6, (checked - start) / 1e6);
        }

        private RequestOrigin origin() {
            return new RequestOrigin("custom", null, longest, null, "window");
        }
    }

    /** One Send's milliseconds: to the request read by the server, and of them the budget check's. */
    private record Sent(double total, double budget) {}

    private static double time(Supplier<Object> work) {
        long start = System.nanoTime();
        keep(work.get());
        return (System.nanoTime() - start) / 1e6;
    }

    private static Object sink;

    private static void keep(Object value) {
        sink = value;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void print() {
        System.out.println("| measurement | empty database | year of use | year / empty | target |");
        System.out.println("| --- | ---: | ---: | ---: | --- |");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %s | %s |%n", r.name(), r.empty(), r.unit(),
                    r.year(), r.unit(), r.empty() > 0 ? String.format(Locale.ROOT, "%.2f×", r.year() / r.empty()) : "–",
                    r.target());
        }
    }
}
