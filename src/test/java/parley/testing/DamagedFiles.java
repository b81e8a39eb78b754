package parley.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Random;
import parley.app.AppDatabase;
import parley.store.Database;

/**
 * Databases damaged where opening them does not look: a table nobody reads, whose first page is
 * overwritten with noise. Only a check of the whole file finds it.
 */
public final class DamagedFiles {
    private DamagedFiles() {}

    /** Writes a database with every feature's tables at {@code file}, then damages a page of a table of its own. */
    public static Path write(Path file) throws IOException {
        long offset;
        int pageSize;
        try (Database db = AppDatabase.open(file)) {
            db.write(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("CREATE TABLE spare (x BLOB)");
                    st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                            + "INSERT INTO spare SELECT randomblob(2000) FROM n");
                }
                return null;
            });
            int root = db.read(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 'spare'")) {
                    return rs.getInt(1);
                }
            });
            pageSize = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA page_size")) {
                    return rs.getInt(1);
                }
            });
            offset = (long) (root - 1) * pageSize;
        } // closing the last connection writes the WAL into the file
        byte[] noise = new byte[pageSize];
        new Random(11).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(noise);
        }
        return file;
    }
}
