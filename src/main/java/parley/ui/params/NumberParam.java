package parley.ui.params;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The state of one numeric parameter: its value and whether it goes into the request. */
public final class NumberParam {
    private final ParamSpec spec;
    private final ReadOnlyDoubleWrapper value;
    private final ReadOnlyBooleanWrapper included;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public NumberParam(ParamSpec spec) {
        this.spec = spec;
        this.value = new ReadOnlyDoubleWrapper(this, spec.key(), spec.defaultValue());
        this.included = new ReadOnlyBooleanWrapper(this, spec.key() + ".included", spec.includedByDefault());
    }

    public ParamSpec spec() { return spec; }

    public ReadOnlyDoubleProperty valueProperty() { return value.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty includedProperty() { return included.getReadOnlyProperty(); }

    /** Why the last typed text was refused; empty when it was accepted. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public double value() { return value.get(); }

    public boolean included() { return included.get(); }

    /** Sets the value, held inside the seed's bounds and snapped to the step's precision. */
    public void set(double newValue) {
        value.set(spec.normalize(newValue));
        message.set("");
    }

    /** Parses typed text; a refusal leaves the value as it was and sets a one-line message. */
    public boolean setText(String text) {
        String refusal = parse(text);
        message.set(refusal == null ? "" : refusal);
        return refusal == null;
    }

    private String parse(String text) {
        try {
            double parsed = Double.parseDouble(text.strip().replace(',', '.'));
            if (Double.isNaN(parsed)) throw new NumberFormatException();
            if (spec.integer() && parsed != Math.rint(parsed)) {
                return spec.key() + " takes a whole number " + spec.rangeText() + ".";
            }
            if (parsed < spec.min() || parsed > spec.max()) {
                return spec.key() + " must be " + spec.rangeText() + ".";
            }
            set(parsed);
            return null;
        } catch (NumberFormatException e) {
            return spec.key() + " takes a number " + spec.rangeText() + ", not \"" + text.strip() + "\".";
        }
    }

    public void setIncluded(boolean on) { included.set(on); }

    public void reset() {
        set(spec.defaultValue());
        included.set(spec.includedByDefault());
    }

    /** What goes into the request: null when switched off. */
    public Double requestValue() { return included.get() ? value.get() : null; }

    public Integer requestInteger() { return included.get() ? (int) Math.round(value.get()) : null; }

    /** Applies a stored value; null means the parameter was left out. */
    public void apply(Double stored) {
        included.set(stored != null);
        if (stored != null) set(stored);
    }
}
