package parley.ui;

import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import parley.api.ExtendedParameters;
import parley.ui.params.ExtraParamsViewModel;
import parley.ui.params.OutputFormatViewModel;
import parley.ui.tools.ToolsViewModel;

/**
 * The controls of the request's extended fields ({@link ExtendedParameters}): seed, choices,
 * log-probabilities and reasoning effort; the output format; the tools. Fields they do not show
 * ({@code user}) pass through from the settings they are applied to.
 */
public record ExtendedControls(ExtraParamsViewModel extras, OutputFormatViewModel output, ToolsViewModel tools) {
    /** Fresh controls with nothing switched on; the tools read and write files on {@code background}. */
    public static ExtendedControls create(Executor background, UiThread ui) {
        return new ExtendedControls(new ExtraParamsViewModel(), new OutputFormatViewModel(),
                new ToolsViewModel(background, ui));
    }

    /** {@code base} with every field these controls set. */
    public ExtendedParameters applyTo(ExtendedParameters base) {
        return tools.applyTo(output.applyTo(extras.applyTo(base)));
    }

    public void show(ExtendedParameters extended) {
        extras.show(extended);
        output.show(extended);
        tools.show(extended);
    }

    /** What a preset keeps: every field these controls set, nothing else. */
    public ExtendedParameters snapshot() {
        return applyTo(ExtendedParameters.NONE);
    }

    /**
     * Puts a preset's fields into the controls. A preset without tools keeps the Tools panel's
     * functions (they are kept between runs) and takes its {@code tool_choice} and {@code parallel_tool_calls}.
     */
    public void applyPreset(ExtendedParameters preset) {
        extras.show(preset);
        output.show(preset);
        tools.applyPreset(preset);
    }

    /** Nothing switched on: seed, choices, log-probabilities, effort and output format left out, tool choice not sent. */
    public void resetToDefaults() {
        extras.resetToDefaults();
        output.resetToDefaults();
        tools.resetChoice();
    }

    /** Runs {@code listener} on every change to what the controls would send. */
    void addListener(InvalidationListener listener) {
        extras.revision().addListener(listener);
        output.revision().addListener(listener);
        tools.revision().addListener(listener);
    }
}
