package parley.ui.params;

import parley.capability.CapabilityService;
import parley.preset.PresetStore;
import parley.ui.ExtendedControls;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Parameters side panel: a control for every request parameter, with the presets above them. */
public final class ParametersFeature implements WindowFeature {
    private final PresetsViewModel presets;
    private final CapabilityLink capabilities;

    public ParametersFeature(WindowContext context) {
        ParamsViewModel params = context.controls().params();
        ExtendedControls extended = context.controls().extended();
        this.presets = new PresetsViewModel(new PresetStore(context.database()), params, extended,
                context.background(), context.ui());
        ParamsView view = new ParamsView(params);
        view.setTop(new PresetsView(presets, context.dialogs()));
        view.addSection(new ExtraParamsView(extended.extras(), params.capabilitiesProperty()));
        view.addSection(new OutputFormatView(extended.output(), params.capabilitiesProperty()));
        view.alsoReset(extended::resetToDefaults);
        context.window().addSidePanel("Parameters", view);
        this.capabilities = new CapabilityLink(context, params);
    }

    public PresetsViewModel presets() { return presets; }

    /** What each provider's models accept, ignore or refuse, with what servers refused learned. */
    public CapabilityService capabilities() { return capabilities.capabilities(); }

    @Override
    public void windowShown() {
        presets.refresh();
    }
}
