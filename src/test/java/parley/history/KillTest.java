package parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;

/**
 * A child JVM writes conversations into one database and is killed with SIGKILL at a random moment,
 * again and again. After each kill the database opens as it is (nothing moved aside), passes
 * {@code PRAGMA integrity_check}, and holds every message the child reported as finished (less those
 * an edit was about to drop).
 */
class KillTest {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    /** conversation id + " " + message id → the content reported when it was finished. */
    private final Map<String, String> reported = new LinkedHashMap<>();

    @Test
    void everyFinishedMessageSurvivesKillMinusNine() throws Exception {
        Path file = dir.resolve("parley.db");
        Random random = new Random(20261130);
        List<Integer> perKill = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            int before = reported.size();
            runAndKill(file, random.nextLong(), random.nextInt(500));
            perKill.add(reported.size() - before);
            checkDatabase(file);
        }
        assertThat(reported).as("the child finished messages before its kills").hasSizeGreaterThan(KILLS);
        System.out.println("KillTest: " + KILLS + " kills, " + reported.size() + " finished messages checked,"
                + " per kill " + perKill);
    }

    private void runAndKill(Path file, long seed, int liveMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), file.toString(), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> readLines(child, ready, lines));
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("the child started").isTrue();
        Thread.sleep(liveMillis);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        synchronized (lines) {
            for (String line : lines) {
                // a line cut by the kill lacks its END and counts as not reported
                if (!line.endsWith(" END")) {
                    continue;
                }
                String[] parts = line.substring(0, line.length() - 4).split(" ", 4);
                if (parts[0].equals("DONE")) {
                    reported.put(parts[1] + " " + parts[2], parts[3]);
                } else if (parts[0].equals("DROPPING")) {
                    reported.remove(parts[1] + " " + parts[2]);
                }
            }
        }
    }

    private static void readLines(Process child, CountDownLatch ready, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("READY")) {
                    ready.countDown();
                }
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child dies
        }
    }

    private void checkDatabase(Path file) {
        try (Database database = AppDatabase.open(file)) {
            assertThat(database.recoveryNotice()).as("the file was not damaged").isEmpty();
            assertThat(database.<String>read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            })).isEqualTo("ok");
            ConversationStore store = new ConversationStore(database);
            Map<String, Map<String, String>> byConversation = new LinkedHashMap<>();
            reported.forEach((key, content) -> {
                String[] ids = key.split(" ");
                byConversation.computeIfAbsent(ids[0], k -> new LinkedHashMap<>()).put(ids[1], content);
            });
            byConversation.forEach((conversation, expected) -> {
                Map<String, String> stored = new LinkedHashMap<>();
                store.load(conversation).orElseThrow(() -> new AssertionError("lost conversation " + conversation))
                        .messages().forEach(m -> stored.put(m.id(), m.content()));
                expected.forEach((id, content) -> assertThat(stored).containsEntry(id, content));
            });
            assertThat(store.search("question", 5)).isNotEmpty();
        }
    }
}
