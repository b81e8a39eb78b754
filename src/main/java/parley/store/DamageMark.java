package parley.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a whole-file check that found a database damaged leaves beside it ({@code parley.db.check-failed},
 * holding what the check found), so that the next {@link Database#openCheckingLater} handles the file as
 * damaged: the check runs while the file is in use, and only an open may set it aside.
 */
final class DamageMark {
    private static final System.Logger LOG = System.getLogger(DamageMark.class.getName());

    private DamageMark() {}

    static Path of(Path database) {
        return database.resolveSibling(database.getFileName() + ".check-failed");
    }

    /** What the check found, when the file is marked. */
    static Optional<String> read(Path database) {
        Path mark = of(database);
        if (!Files.exists(mark)) {
            return Optional.empty();
        }
        try {
            String finding = Files.readString(mark, StandardCharsets.UTF_8).strip();
            return Optional.of(finding.isEmpty() ? "damaged" : finding);
        } catch (IOException e) {
            return Optional.of("damaged");
        }
    }

    static void write(Path database, String finding) {
        try {
            Files.writeString(of(database), finding + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the mark of a damaged database could not be written beside " + database, e);
        }
    }

    static void clear(Path database) {
        try {
            Files.deleteIfExists(of(database));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the mark of a damaged database could not be removed beside " + database, e);
        }
    }
}
