package parley.ui.help;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a folder in the system's file manager, off the JavaFX thread. java.desktop (and with it
 * {@code java.awt.Desktop}) is not in the packaged runtime, so it runs the platform's own opener.
 */
final class FolderOpener {
    private static final long WAIT_SECONDS = 15;

    private FolderOpener() {}

    /** The command that opens {@code folder} on {@code osName}. */
    static List<String> command(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        String path = folder.toString();
        if (os.startsWith("windows")) return List.of("explorer.exe", path);
        if (os.startsWith("mac")) return List.of("open", path);
        return List.of("xdg-open", path);
    }

    /** Creates the folder if needed and opens it; {@code failed} hears a sentence saying why not, on the background thread. */
    static void open(Path folder, Executor background, Consumer<String> failed) {
        background.execute(() -> {
            try {
                Files.createDirectories(folder);
                Process process = new ProcessBuilder(command(System.getProperty("os.name", ""), folder))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0
                        && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                    failed.accept("The folder " + folder + " could not be opened (the file manager answered "
                            + process.exitValue() + "); open it yourself.");
                }
            } catch (IOException e) {
                failed.accept("The folder " + folder + " could not be opened (" + e.getMessage() + "); open it yourself.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
