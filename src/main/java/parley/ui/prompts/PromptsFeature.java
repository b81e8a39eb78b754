package parley.ui.prompts;

import java.util.function.Supplier;
import parley.preset.PresetStore;
import parley.team.PromptLibraries;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The prompt library, opened with "Prompts…" beside the composer: the personal library in the
 * local file and, when this computer is connected to a team workspace, the team's. The libraries
 * (and the keyring the team's password is in) are opened on first use, on the background executor.
 */
public final class PromptsFeature implements WindowFeature {
    private final WindowPrompts prompts;
    private final PromptLibraryViewModel model;
    private final PromptLibraryDialog dialog;

    public PromptsFeature(WindowContext context) {
        this.prompts = new WindowPrompts(context);
        PresetStore presets = new PresetStore(context.database());
        this.model = new PromptLibraryViewModel(prompts, presets::load, presets::names, new WindowComposer(context),
                context.background(), context.ui());
        this.dialog = new PromptLibraryDialog(context.window(), model);
        context.chatExtensions().offerPromptLibrary(this::open);
    }

    public PromptLibraryViewModel model() { return model; }

    /** The window's prompt libraries, opened on first use (call off the JavaFX thread). */
    public Supplier<PromptLibraries> prompts() { return prompts; }

    /** Shows the library and reads it again. */
    public void open() {
        model.refresh();
        dialog.show();
    }

    @Override
    public void close() {
        dialog.close();
        prompts.close();
    }
}
