package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which SQLite errors mean a damaged file, on every result code sqlite-jdbc knows. */
class OpenFailureTest {
    @Test
    void onlyCorruptAndNotADatabaseCountAsDamaged() {
        Arrays.stream(SQLiteErrorCode.values()).filter(code -> code.code >= 0).forEach(code -> {
            boolean damaged = OpenFailure.of(new SQLiteException("x", code)) == OpenFailure.DAMAGED;
            int primary = code.code & 0xff;
            assertThat(damaged).as(code.name()).isEqualTo(primary == 11 || primary == 26);
        });
    }

    @Test
    void eachProblemThatLeavesTheFileAloneHasItsKind() {
        assertThat(kind(SQLiteErrorCode.SQLITE_CORRUPT)).isEqualTo(OpenFailure.DAMAGED);
        assertThat(kind(SQLiteErrorCode.SQLITE_NOTADB)).isEqualTo(OpenFailure.DAMAGED);
        assertThat(kind(SQLiteErrorCode.SQLITE_BUSY)).isEqualTo(OpenFailure.IN_USE);
        assertThat(kind(SQLiteErrorCode.SQLITE_BUSY_RECOVERY)).isEqualTo(OpenFailure.IN_USE);
        assertThat(kind(SQLiteErrorCode.SQLITE_LOCKED)).isEqualTo(OpenFailure.IN_USE);
        assertThat(kind(SQLiteErrorCode.SQLITE_READONLY)).isEqualTo(OpenFailure.READ_ONLY);
        assertThat(kind(SQLiteErrorCode.SQLITE_READONLY_CANTLOCK)).isEqualTo(OpenFailure.READ_ONLY);
        assertThat(kind(SQLiteErrorCode.SQLITE_PERM)).isEqualTo(OpenFailure.NO_ACCESS);
        assertThat(kind(SQLiteErrorCode.SQLITE_CANTOPEN)).isEqualTo(OpenFailure.NO_ACCESS);
        assertThat(kind(SQLiteErrorCode.SQLITE_CANTOPEN_ISDIR)).isEqualTo(OpenFailure.NO_ACCESS);
        assertThat(kind(SQLiteErrorCode.SQLITE_AUTH)).isEqualTo(OpenFailure.NO_ACCESS);
        assertThat(kind(SQLiteErrorCode.SQLITE_IOERR_READ)).isEqualTo(OpenFailure.OTHER);
        assertThat(kind(SQLiteErrorCode.SQLITE_FULL)).isEqualTo(OpenFailure.OTHER);
    }

    @Test
    void theMessageNamesTheFileSaysWhatIsWrongAndThatNothingMoved() {
        Path file = Path.of("/data/parley/parley.db");
        assertThat(OpenFailure.IN_USE.message(file, "database is locked"))
                .contains(file.toString(), "locked by another program", "database is locked", "left as it is")
                .doesNotContain("\n");
        assertThat(OpenFailure.READ_ONLY.message(file, "attempt to write a readonly database"))
                .contains(file.toString(), "can only be read", "PARLEY_HOME", "left as it is");
        assertThat(OpenFailure.NO_ACCESS.message(file, "unable to open database file"))
                .contains(file.toString(), "cannot be opened", "PARLEY_HOME", "left as it is");
    }

    private static OpenFailure kind(SQLiteErrorCode code) {
        return OpenFailure.of(new SQLiteException("x", code));
    }
}
