package parley.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves a snippet to a file chosen by the user. */
public final class SnippetFiles {
    private SnippetFiles() {}

    /** Writes the text as UTF-8, replacing the file; a one-line message on failure. */
    public static void save(Path file, String code) {
        try {
            Files.writeString(file, code, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
