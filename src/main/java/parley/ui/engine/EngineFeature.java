package parley.ui.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import parley.engine.ModelFinder;
import parley.provider.Providers;
import parley.store.DataFolder;
import parley.store.Settings;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.models.ProviderViewModel;

/**
 * The provider "This computer" in the window: a side panel to choose a GGUF file (a file chooser,
 * drag and drop, or the list of those found here); the chosen one becomes the chat's model, served
 * by the built-in engine that the window owns.
 */
public final class EngineFeature implements WindowFeature {
    static final String LAST_MODEL = "engine.last-model-file";
    static final String IDLE_MINUTES = "engine.idle-minutes";

    private final EngineViewModel model;

    public EngineFeature(WindowContext context) {
        ProviderViewModel providers = context.controls().providers();
        ModelFinder finder = ModelFinder.forUser(DataFolder.resolve());
        Settings settings = new Settings(context.database());
        this.model = new EngineViewModel(context.engine(), finder::find,
                facts -> providers.select(Providers.LOCAL_GGUF.id(), null, facts.alias()),
                new EngineViewModel.Remembered() {
                    @Override
                    public Optional<Path> load() {
                        return settings.getString(LAST_MODEL).map(Path::of);
                    }

                    @Override
                    public void save(Path file) {
                        settings.putString(LAST_MODEL, file.toAbsolutePath().toString());
                    }

                    @Override
                    public OptionalInt idleMinutes() {
                        return settings.getInt(IDLE_MINUTES).map(OptionalInt::of).orElse(OptionalInt.empty());
                    }

                    @Override
                    public void saveIdleMinutes(int minutes) {
                        settings.putInt(IDLE_MINUTES, minutes);
                    }
                }, context.background(), context.ui());
        model.restoreLast();
        context.window().addSidePanel("This computer", new EngineView(model,
                () -> context.dialogs().chooseOpen("Choose a GGUF model", "*.gguf")));
    }

    public EngineViewModel model() {
        return model;
    }

    @Override
    public void windowShown() {
        model.refresh();
    }
}
