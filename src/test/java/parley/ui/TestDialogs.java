package parley.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dialogs that answer as the test says and remember what they were asked and told. */
public final class TestDialogs implements Dialogs {
    public final List<String> asked = new ArrayList<>();
    public final List<String> warned = new ArrayList<>();
    public boolean answer;
    public Path file;
    /** What askText answers; null cancels. */
    public String text;

    @Override
    public boolean confirm(String title, String header, String text) {
        asked.add(text);
        return answer;
    }

    @Override
    public void warn(String title, String header, String text) {
        warned.add(header + ": " + text);
    }

    @Override
    public Optional<Path> chooseOpen(String title, String... patterns) {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseSave(String title, String initialName) {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        return Optional.ofNullable(text);
    }
}
