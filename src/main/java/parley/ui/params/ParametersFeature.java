package parley.ui.params;

import parley.capability.CapabilityService;
import parley.preset.PresetStore;
import parley.team.TeamShelf;
import parley.ui.ExtendedControls;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.team.SharedShelfModel;

/** The Parameters side panel: a control for every request parameter, with the presets above them. */
public final class ParametersFeature implements WindowFeature {
    private final PresetsViewModel presets;
    private final CapabilityLink capabilities;
    private final SharedShelfModel shared;

    public ParametersFeature(WindowContext context) {
        ParamsViewModel params = context.controls().params();
        ExtendedControls extended = context.controls().extended();
        this.presets = new PresetsViewModel(new PresetStore(context.database()), params, extended,
                context.background(), context.ui());
        ParamsView view = new ParamsView(params);
        this.shared = new SharedShelfModel(context.team(), TeamShelf.Kind.PRESET, context.background(), context.ui());
        view.setTop(new PresetsView(presets, shared, context.dialogs()));
        view.addSection(new ExtraParamsView(extended.extras(), params.capabilitiesProperty()));
        view.addSection(new OutputFormatView(extended.output(), params.capabilitiesProperty()));
        view.alsoReset(extended::resetToDefaults);
        context.window().addSidePanel("Parameters", view);
        this.capabilities = new CapabilityLink(context, params);
    }

    public PresetsViewModel presets() { return presets; }

    /** The team's shared presets. */
    public SharedShelfModel shared() { return shared; }

    /** What each provider's models accept, ignore or refuse, with what servers refused learned. */
    public CapabilityService capabilities() { return capabilities.capabilities(); }

    @Override
    public void windowShown() {
        presets.refresh();
    }
}
