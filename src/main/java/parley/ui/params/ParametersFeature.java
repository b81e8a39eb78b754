package parley.ui.params;

import parley.preset.PresetStore;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Parameters side panel: a control for every request parameter, with the presets above them. */
public final class ParametersFeature implements WindowFeature {
    private final PresetsViewModel presets;

    public ParametersFeature(WindowContext context) {
        ParamsViewModel params = context.controls().params();
        this.presets = new PresetsViewModel(new PresetStore(context.database()), params, context.background(),
                context.ui());
        ParamsView view = new ParamsView(params);
        view.setTop(new PresetsView(presets, context.dialogs()));
        view.addSection(new ExtraParamsView(context.controls().extended().extras()));
        view.addSection(new OutputFormatView(context.controls().extended().output()));
        context.window().addSidePanel("Parameters", view);
    }

    public PresetsViewModel presets() { return presets; }

    @Override
    public void windowShown() {
        presets.refresh();
    }
}
