package parley.ui.experiment;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.ui.params.ParamSpec;

/**
 * One swept parameter of the form: a range (low, high, step) or a typed list, and whether "left
 * out" is one of its values. Every edit recomputes the values, or the message saying what to change.
 */
public final class AxisModel {
    private final ParamSpec spec;
    private final ReadOnlyBooleanWrapper listMode = new ReadOnlyBooleanWrapper(this, "listMode", false);
    private final ReadOnlyObjectWrapper<BigDecimal> low = new ReadOnlyObjectWrapper<>(this, "low");
    private final ReadOnlyObjectWrapper<BigDecimal> high = new ReadOnlyObjectWrapper<>(this, "high");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step");
    private final ReadOnlyStringWrapper list = new ReadOnlyStringWrapper(this, "list", "");
    private final ReadOnlyBooleanWrapper omit = new ReadOnlyBooleanWrapper(this, "omit", false);
    private final ReadOnlyObjectWrapper<List<ParamValue>> values = new ReadOnlyObjectWrapper<>(this, "values", List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public AxisModel(ParamSpec spec) {
        this.spec = spec;
        BigDecimal start = BigDecimal.valueOf(spec.min());
        BigDecimal defaultEnd = BigDecimal.valueOf(spec.integer() ? Math.min(spec.sliderMax(), 4 * spec.defaultValue()) : spec.sliderMax() / 2);
        low.set(start);
        high.set(defaultEnd.max(start));
        step.set(spec.integer() ? spec.format(Math.max(1, (defaultEnd.doubleValue() - spec.min()) / 4)) : "0.25");
        list.set(spec.format(spec.defaultValue()));
        recompute();
    }

    public ParamSpec spec() { return spec; }
    public ReadOnlyBooleanProperty listModeProperty() { return listMode.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BigDecimal> lowProperty() { return low.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BigDecimal> highProperty() { return high.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyStringProperty listProperty() { return list.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty omitProperty() { return omit.getReadOnlyProperty(); }
    /** The values as sent, in order; empty while {@link #messageProperty()} says what is wrong. */
    public ReadOnlyObjectProperty<List<ParamValue>> valuesProperty() { return values.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Moves the range's ends, held inside the parameter's bounds and snapped to its precision. */
    public void setRange(double from, double to) {
        low.set(BigDecimal.valueOf(spec.normalize(Math.min(from, to))));
        high.set(BigDecimal.valueOf(spec.normalize(Math.max(from, to))));
        recompute();
    }

    public void setStep(String text) {
        step.set(text == null ? "" : text);
        recompute();
    }

    public void setList(String text) {
        list.set(text == null ? "" : text);
        recompute();
    }

    public void setListMode(boolean on) {
        listMode.set(on);
        recompute();
    }

    public void setOmit(boolean on) {
        omit.set(on);
        recompute();
    }

    /** The axis as the experiment holds it; null while the values are refused. */
    public ParamAxis axis() {
        return message.get().isEmpty() ? new ParamAxis(spec.key(), values.get()) : null;
    }

    /** "0, 0.25, 0.5, omit": the values as a line. */
    public String valuesText() {
        return String.join(", ", values.get().stream().map(ParamValue::label).toList());
    }

    private void recompute() {
        AxisValues.Result result = listMode.get() ? AxisValues.list(spec, list.get(), omit.get())
                : AxisValues.range(spec, low.get(), high.get(), step.get(), omit.get());
        values.set(result.values());
        message.set(result.message());
    }
}
