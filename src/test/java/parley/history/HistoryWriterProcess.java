package parley.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.store.Database;

/**
 * The child process of {@link KillTest}: writes conversations into the database named by its first
 * argument until it is killed, the way the app does (user messages, replies saved while they
 * stream and when they end, edits). After each write of a finished message has committed it prints
 * {@code DONE <conversation> <message> <content> END}; before an edit that drops messages,
 * {@code DROPPING …} for each of them.
 */
public final class HistoryWriterProcess {
    private HistoryWriterProcess() {}

    public static void main(String[] args) {
        Random random = new Random(Long.parseLong(args[1]));
        try (Database database = AppDatabase.open(Path.of(args[0]))) {
            ConversationStore store = new ConversationStore(database);
            for (int round = 0; ; round++) {
                if (round == 1) {
                    // the first conversation warms the JVM up; the parent's clock starts now
                    System.out.println("READY");
                    System.out.flush();
                }
                String conversation = store.create("local", "model-" + round, "system " + round);
                writeConversation(store, conversation, round, random);
            }
        }
    }

    private static void writeConversation(ConversationStore store, String conversation, int round, Random random) {
        List<SavedMessage> sent = new ArrayList<>();
        for (int turn = 0; turn < 1 + random.nextInt(4); turn++) {
            SavedMessage user = SavedMessage.typed(UUID.randomUUID().toString(), "user",
                    "question-" + round + "-" + turn, Instant.now());
            store.saveMessage(conversation, user);
            done(conversation, user);
            sent.add(user);
            SavedMessage reply = streamReply(store, conversation, round, turn, random);
            sent.add(reply);
        }
        if (random.nextInt(4) == 0 && sent.size() > 2) {
            // an edit: the list is synced and the later messages are dropped on purpose
            // (announced before the write: after it the child may die before it can say so)
            List<SavedMessage> kept = sent.subList(0, 2);
            sent.subList(2, sent.size()).forEach(m -> report("DROPPING", conversation, m));
            store.syncMessages(conversation, kept);
        }
    }

    private static SavedMessage streamReply(ConversationStore store, String conversation, int round, int turn,
                                            Random random) {
        String id = UUID.randomUUID().toString();
        StringBuilder text = new StringBuilder();
        int pieces = 5 + random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            text.append("tok").append(i).append('_');
            if (i % 3 == 0) {
                store.saveMessage(conversation, reply(id, text.toString(), SavedMessage.STREAMING, null));
            }
        }
        SavedMessage done = reply(id, "answer-" + round + "-" + turn + "-" + text,
                SavedMessage.COMPLETE, new Usage(10, pieces, 10 + pieces, null, null));
        store.saveMessage(conversation, done);
        done(conversation, done);
        return done;
    }

    private static SavedMessage reply(String id, String text, String status, Usage usage) {
        return new SavedMessage(id, "assistant", text, "", status, null, "model",
                Map.of("temperature", 0.5, "stream", true), usage, Instant.now());
    }

    private static void done(String conversation, SavedMessage message) {
        report("DONE", conversation, message);
    }

    private static void report(String what, String conversation, SavedMessage message) {
        System.out.println(what + " " + conversation + " " + message.id() + " " + message.content() + " END");
        System.out.flush();
    }
}
