package parley.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in a folder of Parley's own. Left to itself the driver copies
 * the library out of its jar into the temporary folder at every start, reads it back to compare,
 * and deletes it at exit (about a tenth of a second of every command). Here it is copied once; each
 * later start checks the copy's CRC-32 against the jar entry's and loads it in place, and copies it
 * again when they differ (another driver version, a damaged file). Whatever goes wrong leaves the
 * driver to its own way. Where in the driver's jar the library is (which the driver works out by
 * starting {@code uname} and reading the process's mapped files: about 0.1 s) is recorded beside
 * the copy at the first start; and the driver's look for old copies in the temporary folder, which
 * lists the whole folder at every start, looks in this folder instead.
 */
public final class SqliteLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    static final String TEMP_FOLDER_PROPERTY = "org.sqlite.tmpdir";

    private static Path folder;
    private static boolean prepared;

    private SqliteLibrary() {}

    /** Keeps the library in {@code folder} (made when needed), from the first database opened on. */
    public static synchronized void cacheIn(Path folder) {
        SqliteLibrary.folder = folder;
    }

    /** Loads the driver's native library now, through the kept copy: for a command that opens the database soon. */
    public static void load() throws Exception {
        prepare();
        org.sqlite.SQLiteJDBCLoader.initialize();
    }

    /** Before the driver loads: points it at the kept copy, once per process, when a folder was given. */
    static synchronized void prepare() {
        if (prepared || folder == null) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return; // the user's own choice
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = resource(folder, name);
        if (resource == null) {
            return; // no library for this platform in the jar: the driver says so
        }
        copyIn(folder, name, resource).ifPresent(copy -> {
            System.setProperty(PATH_PROPERTY, copy.getParent().toString());
            System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
            if (System.getProperty(TEMP_FOLDER_PROPERTY) == null) {
                System.setProperty(TEMP_FOLDER_PROPERTY, copy.getParent().toString());
            }
        });
    }

    /**
     * The library named {@code name} in the driver's jar, at the place recorded in {@code folder}
     * when it is still there, else where the driver says it is (recorded then); null when the jar
     * has none for this platform.
     */
    static URL resource(Path folder, String name) {
        Path record = folder.resolve(name + ".resource");
        try {
            URL known = Files.isRegularFile(record) ? SqliteLibrary.class.getResource(Files.readString(record).strip()) : null;
            if (known != null) {
                return known;
            }
        } catch (IOException | RuntimeException e) {
            // read again from the driver below
        }
        String path = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        URL resource = SqliteLibrary.class.getResource(path);
        if (resource != null) {
            try {
                Files.createDirectories(folder);
                Files.writeString(record, path);
            } catch (IOException e) {
                // asked of the driver again at the next start
            }
        }
        return resource;
    }

    /**
     * The copy of {@code resource} named {@code name} in {@code folder}: the one there when its
     * CRC-32 is the resource's, else a new copy; empty when it cannot be written.
     */
    static Optional<Path> copyIn(Path folder, String name, URL resource) {
        Path copy = folder.resolve(name);
        try {
            long crc = crcOf(resource);
            if (Files.isRegularFile(copy) && crc(Files.readAllBytes(copy)) == crc) {
                return Optional.of(copy);
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, name, ".tmp");
            try {
                try (InputStream in = resource.openStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (crc(Files.readAllBytes(temp)) != crc) {
                    throw new IOException("the copy of " + resource + " differs from it");
                }
                Files.move(temp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            log().log(System.Logger.Level.INFO, "SQLite''s native library copied to {0}", copy);
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            log().log(System.Logger.Level.WARNING, "SQLite's native library could not be kept in " + folder
                    + "; the driver copies it to the temporary folder instead", e);
            return Optional.empty();
        }
    }

    /** The resource's CRC-32: from its jar's directory when it is in a jar, else read whole. */
    private static long crcOf(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry().getCrc() != -1) {
            return jar.getJarEntry().getCrc();
        }
        try (InputStream in = connection.getInputStream()) {
            return crc(in.readAllBytes());
        }
    }

    /** Asked for only when there is something to say: {@link #cacheIn} runs before the log is set up. */
    private static System.Logger log() {
        return System.getLogger(SqliteLibrary.class.getName());
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
