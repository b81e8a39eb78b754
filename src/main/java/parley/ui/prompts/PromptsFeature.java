package parley.ui.prompts;

import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import parley.preset.PresetStore;
import parley.prompt.PromptService;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The prompt library, opened with "Prompts…" beside the composer: the personal library in the
 * local file and, when this computer is connected to a team workspace, the team's. The libraries
 * (and the keyring the team's password is in) are opened on first use, on the background executor.
 */
public final class PromptsFeature implements WindowFeature {
    private final WindowContext context;
    private final WindowPrompts prompts;
    private final PromptLibraryViewModel model;
    private Dialog<Void> dialog;

    public PromptsFeature(WindowContext context) {
        this.context = context;
        this.prompts = new WindowPrompts(context);
        PresetStore presets = new PresetStore(context.database());
        this.model = new PromptLibraryViewModel(prompts, presets::load, presets::names, new WindowComposer(context),
                context.background(), context.ui());
        context.chatExtensions().offerPromptLibrary(this::open);
    }

    public PromptLibraryViewModel model() { return model; }

    /** The prompts of this window, opened on first use (call off the JavaFX thread), for other features. */
    public Supplier<PromptService> prompts() { return prompts; }

    /** Shows the library and reads it again. */
    public void open() {
        if (dialog == null) {
            dialog = new Dialog<>();
            dialog.setTitle("Prompts");
            dialog.setHeaderText("The prompt library: yours and, when connected, your team's");
            dialog.getDialogPane().setContent(new PromptLibraryView(model));
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.setResizable(true);
            if (context.window().getScene() != null) dialog.initOwner(context.window().getScene().getWindow());
        }
        model.refresh();
        dialog.show();
    }

    @Override
    public void close() {
        if (dialog != null) dialog.close();
        prompts.close();
    }
}
