package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import parley.experiment.ExportFormat;
import parley.ui.Dialogs;

/** Export…: the format from the menu, the file from the window's save chooser, the writing by {@link SavedModel}. */
final class ExportMenu {
    private ExportMenu() {}

    /** The experiment an export writes: its id, and its name for the suggested file name. */
    record Chosen(String id, String name) {}

    /** {@code experiment} gives the id and name of the experiment to export when the user picks a format. */
    static MenuButton of(String id, SavedModel saved, Dialogs dialogs, Supplier<Chosen> experiment) {
        MenuButton menu = new MenuButton("Export…");
        menu.setId(id);
        menu.getStyleClass().add(Styles.SMALL);
        for (ExportFormat format : new ExportFormat[]{ExportFormat.CSV, ExportFormat.JSON, ExportFormat.MARKDOWN, ExportFormat.HTML}) {
            MenuItem item = new MenuItem(label(format));
            item.setId(id + "-" + format.extension());
            item.setOnAction(e -> {
                Chosen chosen = experiment.get();
                dialogs.chooseSave("Export the experiment as " + label(format), fileName(chosen.name()) + "." + format.extension())
                        .ifPresent(file -> saved.export(chosen.id(), format, file));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    static String label(ExportFormat format) {
        return switch (format) {
            case CSV -> "CSV";
            case JSON -> "JSON";
            case MARKDOWN -> "Markdown";
            case HTML -> "HTML report";
        };
    }

    /** The experiment's name without the characters file systems refuse. */
    static String fileName(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        return safe.isEmpty() ? "experiment" : safe;
    }
}
