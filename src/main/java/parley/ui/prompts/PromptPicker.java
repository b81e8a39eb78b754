package parley.ui.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import parley.team.PromptLibraries;
import parley.team.TeamOffline;
import parley.prompt.PromptVersion;
import parley.ui.WindowContext;

/**
 * Picks a library prompt for another form (the experiment's): a list of yours and the team's, read
 * on the background executor; the chosen prompt's newest version goes to the consumer on the FX thread.
 */
public final class PromptPicker implements AutoCloseable {
    private final WindowContext context;
    private final WindowPrompts prompts;

    public PromptPicker(WindowContext context) {
        this.context = context;
        this.prompts = new WindowPrompts(context);
    }

    /** Reads the libraries, then shows the list; {@code chosen} gets the version picked. */
    public void pick(Consumer<PromptVersion> chosen) {
        context.background().execute(() -> {
            List<PromptEntry> entries = new ArrayList<>();
            String team = "";
            String failure = "";
            try {
                PromptLibraries service = prompts.get();
                service.personal().list().forEach(v -> entries.add(new PromptEntry(v, false)));
                if (service.teamConfigured()) service.team().list().forEach(v -> entries.add(new PromptEntry(v, true)));
            } catch (TeamOffline e) {
                team = "team offline: only your prompts are listed.";
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            String note = team.isEmpty() ? failure : team;
            context.ui().run(() -> show(entries, note, chosen));
        });
    }

    private void show(List<PromptEntry> entries, String note, Consumer<PromptVersion> chosen) {
        ListView<PromptEntry> list = new ListView<>();
        list.setId("prompt-picker-list");
        list.getItems().setAll(entries);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PromptEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label());
            }
        });
        Label status = new Label(entries.isEmpty() && note.isEmpty() ? "The library is empty: save a prompt from the composer first." : note);
        status.setWrapText(true);
        Dialog<PromptVersion> dialog = new Dialog<>();
        dialog.setTitle("Prompt from the library");
        dialog.setHeaderText("Take a prompt's newest version; its {{variables}} take the inputs' columns");
        ButtonType take = new ButtonType("Use", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(take, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(take).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.getDialogPane().setContent(new VBox(6, list, status));
        dialog.setResultConverter(b -> b == take ? list.getSelectionModel().getSelectedItem().newest() : null);
        if (context.window().getScene() != null) dialog.initOwner(context.window().getScene().getWindow());
        dialog.setOnHidden(e -> { if (dialog.getResult() != null) chosen.accept(dialog.getResult()); });
        dialog.show();
    }

    @Override
    public void close() {
        prompts.close();
    }
}
