package parley.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions and notices a window feature puts to the user, and the files it asks for. The
 * window uses {@link FxDialogs}; tests pass their own answers.
 */
public interface Dialogs {
    /** Asks a yes-or-no question; true for yes. */
    boolean confirm(String title, String header, String text);

    /** Tells the user why something did not happen. */
    void warn(String title, String header, String text);

    /** A file to read, of the kinds {@code patterns} name ("*.json"); empty when the user cancels. */
    Optional<Path> chooseOpen(String title, String... patterns);

    /** Where to write a file, suggesting {@code initialName}; empty when the user cancels. */
    Optional<Path> chooseSave(String title, String initialName);

    /** A line of text, starting from {@code initial}; empty when the user cancels. */
    Optional<String> askText(String title, String header, String initial);
}
