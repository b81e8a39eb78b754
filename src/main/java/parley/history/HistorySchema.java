package parley.history;

import java.util.List;
import parley.store.Migration;

/**
 * The tables of the conversation history: conversations, their messages in order (with tool calls,
 * tool results, log-probabilities and choices), and a full-text index (FTS5) over the messages' text
 * that triggers keep in step with every write.
 */
public final class HistorySchema {
    private HistorySchema() {}

    private static final String[] TABLES = {
        """
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            renamed INTEGER NOT NULL DEFAULT 0,
            provider TEXT,
            model TEXT,
            system_prompt TEXT NOT NULL DEFAULT '',
            branched_from TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER)""",
        "CREATE INDEX conversations_by_update ON conversations(updated_at DESC)",
        """
        CREATE TABLE messages (
            num INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            reasoning TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            error TEXT,
            model TEXT,
            parameters TEXT,
            usage TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL)""",
        "CREATE INDEX messages_by_conversation ON messages(conversation_id, position)",
        """
        CREATE VIRTUAL TABLE messages_fts USING fts5(content, reasoning, content='messages',
            content_rowid='num', tokenize='unicode61 remove_diacritics 2')""",
        """
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, content, reasoning) VALUES (new.num, new.content, new.reasoning);
        END""",
        """
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content, reasoning)
                VALUES ('delete', old.num, old.content, old.reasoning);
        END""",
        """
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, reasoning ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, content, reasoning)
                VALUES ('delete', old.num, old.content, old.reasoning);
            INSERT INTO messages_fts(rowid, content, reasoning) VALUES (new.num, new.content, new.reasoning);
        END"""
    };

    /**
     * Step 5: what a message carries besides its text. {@code tool_calls}, {@code logprobs} and
     * {@code choices} hold the API's JSON; {@code chosen} is the position of the choice that continued.
     */
    private static final String[] TOOLS_AND_CHOICES = {
        "ALTER TABLE messages ADD COLUMN name TEXT",
        "ALTER TABLE messages ADD COLUMN tool_calls TEXT",
        "ALTER TABLE messages ADD COLUMN tool_call_id TEXT",
        "ALTER TABLE messages ADD COLUMN logprobs TEXT",
        "ALTER TABLE messages ADD COLUMN choices TEXT",
        "ALTER TABLE messages ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0"
    };

    /**
     * Step 9, for a history of a year: the full-text index rebuilt with prefix indexes of 2, 3 and 4
     * characters, so a word being typed is looked up in one list instead of merging every word it
     * starts (the index grows about 2.5 times); and each conversation's number of messages kept by
     * triggers, so the list of 5,000 conversations does not count 250,000 messages each time.
     */
    private static final String[] YEAR_OF_USE = {
        "DROP TRIGGER messages_fts_insert",
        "DROP TRIGGER messages_fts_delete",
        "DROP TRIGGER messages_fts_update",
        "DROP TABLE messages_fts",
        """
        CREATE VIRTUAL TABLE messages_fts USING fts5(content, reasoning, content='messages',
            content_rowid='num', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')""",
        "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
        TABLES[5],
        TABLES[6],
        TABLES[7],
        "ALTER TABLE conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0",
        "UPDATE conversations SET message_count = (SELECT count(*) FROM messages m WHERE m.conversation_id = conversations.id)",
        """
        CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
            UPDATE conversations SET message_count = message_count + 1 WHERE id = new.conversation_id;
        END""",
        """
        CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
            UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
        END"""
    };

    /** The history's schema steps; a published step's version and SQL are in users' files already and never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(3, TABLES),
            new Migration(5, TOOLS_AND_CHOICES), new Migration(9, YEAR_OF_USE));
}
