package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
    private static final String NAME = LibraryLoaderUtil.getNativeLibName();
    private static final URL LIBRARY = SqliteLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME);

    @TempDir
    Path folder;

    @Test
    void theFirstStartCopiesTheLibraryOutOfTheDriversJar() throws Exception {
        Optional<Path> copy = SqliteLibrary.copyIn(folder.resolve("native"), NAME, LIBRARY);

        assertThat(copy).contains(folder.resolve("native").resolve(NAME));
        assertThat(Files.readAllBytes(copy.orElseThrow())).isEqualTo(bytesOfTheLibrary());
        try (var files = Files.list(folder.resolve("native"))) {
            assertThat(files).singleElement(); // no temporary file left behind
        }
    }

    @Test
    void thePlaceOfTheLibraryInTheJarIsRecordedAndReadBack() throws Exception {
        assertThat(SqliteLibrary.resource(folder, NAME)).isEqualTo(LIBRARY);
        Path record = folder.resolve(NAME + ".resource");
        assertThat(Files.readString(record)).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME);

        Files.writeString(record, "/org/sqlite/SQLiteJDBCLoader.class"); // read back as recorded, not asked again
        assertThat(SqliteLibrary.resource(folder, NAME)).isEqualTo(SqliteLibrary.class.getResource("/org/sqlite/SQLiteJDBCLoader.class"));

        Files.writeString(record, "/org/sqlite/native/Nowhere/libnone.so"); // no longer in the jar: asked again
        assertThat(SqliteLibrary.resource(folder, NAME)).isEqualTo(LIBRARY);
        assertThat(Files.readString(record)).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME);
    }

    @Test
    void laterStartsLoadTheSameCopyWithoutWritingIt() throws Exception {
        Path copy = SqliteLibrary.copyIn(folder, NAME, LIBRARY).orElseThrow();
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, written);

        assertThat(SqliteLibrary.copyIn(folder, NAME, LIBRARY)).contains(copy);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(written);
    }

    @Test
    void aCopyWhoseChecksumDiffersIsCopiedAgain() throws Exception {
        Path copy = SqliteLibrary.copyIn(folder, NAME, LIBRARY).orElseThrow();
        byte[] damaged = Files.readAllBytes(copy);
        damaged[damaged.length / 2] ^= 1;
        Files.write(copy, damaged);

        assertThat(SqliteLibrary.copyIn(folder, NAME, LIBRARY)).contains(copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(bytesOfTheLibrary());
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheDriverToItsOwnWay() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "a file where the folder would be");

        assertThat(SqliteLibrary.copyIn(notAFolder.resolve("native"), NAME, LIBRARY)).isEmpty();
    }

    private static byte[] bytesOfTheLibrary() throws Exception {
        try (var in = LIBRARY.openStream()) {
            return in.readAllBytes();
        }
    }
}
