package parley.store;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What an SQLite error met while opening the database says about the file. Only a file SQLite
 * finds corrupt or not a database at all is {@link #DAMAGED} and may be set aside; every other
 * failure (locked by another program, read-only, not allowed, a disk error) leaves the file where
 * it is, since the data in it may be whole.
 */
enum OpenFailure {
    DAMAGED,
    IN_USE,
    READ_ONLY,
    NO_ACCESS,
    OTHER;

    // SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes carry
    // the primary one in their lowest byte, e.g. SQLITE_BUSY_RECOVERY = 5 | (1 << 8).
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int CORRUPT = 11;
    private static final int CANTOPEN = 14;
    private static final int AUTH = 23;
    private static final int NOTADB = 26;

    /** The kind of failure, from the result code sqlite-jdbc puts in {@link SQLException#getErrorCode()}. */
    static OpenFailure of(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case CORRUPT, NOTADB -> DAMAGED;
            case BUSY, LOCKED -> IN_USE;
            case READONLY -> READ_ONLY;
            case PERM, CANTOPEN, AUTH -> NO_ACCESS;
            default -> OTHER;
        };
    }

    /** One line that names the file, says what is wrong and what to do; not for {@link #DAMAGED}. */
    String message(Path file, String reason) {
        String what = switch (this) {
            case IN_USE -> "is locked by another program (" + reason + "): close the other Parley or the program"
                    + " that holds it, then start Parley again";
            case READ_ONLY -> "can only be read (" + reason + "): make the file and its folder writable,"
                    + " or set PARLEY_HOME to a folder you can write to";
            case NO_ACCESS -> "cannot be opened (" + reason + "): check that it is a file you may read and write,"
                    + " or set PARLEY_HOME to another folder";
            case DAMAGED, OTHER -> "could not be opened (" + reason + "): check the disk and the file,"
                    + " then start Parley again";
        };
        return "The database " + file + " " + what + ". It was left as it is.";
    }
}
