package parley.ui.engine;

import parley.engine.ModelFinder;
import parley.provider.Providers;
import parley.store.DataFolder;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.models.ProviderViewModel;

/**
 * The provider "This computer" in the window: a side panel to choose a GGUF file (a file chooser,
 * drag and drop, or the list of those found here); the chosen one becomes the chat's model, served
 * by the built-in engine that the window owns.
 */
public final class EngineFeature implements WindowFeature {
    private final EngineViewModel model;

    public EngineFeature(WindowContext context) {
        ProviderViewModel providers = context.controls().providers();
        ModelFinder finder = ModelFinder.forUser(DataFolder.resolve());
        this.model = new EngineViewModel(context.engine(), finder::find,
                facts -> providers.select(Providers.LOCAL_GGUF.id(), null, facts.alias()),
                context.background(), context.ui());
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
