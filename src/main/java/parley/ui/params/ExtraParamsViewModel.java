package parley.ui.params;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.api.ExtendedParameters;

/**
 * {@code seed} (with a random one on request), {@code n}, {@code logprobs} with {@code top_logprobs}
 * (sent only with log-probabilities on) and {@code reasoning_effort}. Each is left out of the request
 * until switched on. {@link #revision()} ticks on every change.
 */
public final class ExtraParamsViewModel {
    public static final int MAX_N = 128;
    /** The largest seed every provider takes (llama.cpp's is 32 bits). */
    public static final long MAX_RANDOM_SEED = Integer.MAX_VALUE;
    public static final List<String> EFFORTS = List.of("minimal", "low", "medium", "high");

    private final ReadOnlyBooleanWrapper seedOn = new ReadOnlyBooleanWrapper(this, "seedOn");
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed", 42);
    private final ReadOnlyBooleanWrapper nOn = new ReadOnlyBooleanWrapper(this, "nOn");
    private final ReadOnlyIntegerWrapper n = new ReadOnlyIntegerWrapper(this, "n", 2);
    // logprobs and top_logprobs keep a false or a null that came with opened settings, so they go back as they came
    private final ReadOnlyObjectWrapper<Boolean> logprobs = new ReadOnlyObjectWrapper<>(this, "logprobs");
    private final ReadOnlyBooleanWrapper topOn = new ReadOnlyBooleanWrapper(this, "topOn");
    private final ReadOnlyIntegerWrapper top = new ReadOnlyIntegerWrapper(this, "top", 5);
    private final ObservableList<String> efforts = FXCollections.observableArrayList(EFFORTS);
    private final ObservableList<String> effortsView = FXCollections.unmodifiableObservableList(efforts);
    private final ReadOnlyStringWrapper effort = new ReadOnlyStringWrapper(this, "effort", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final LongSupplier dice;

    public ExtraParamsViewModel() {
        this(() -> ThreadLocalRandom.current().nextLong(MAX_RANDOM_SEED + 1));
    }

    /** {@code dice}: where random seeds come from. */
    public ExtraParamsViewModel(LongSupplier dice) {
        this.dice = dice;
        for (Observable o : List.<Observable>of(seedOn, seed, nOn, n, logprobs, topOn, top, effort)) {
            o.addListener(x -> revision.set(revision.get() + 1));
        }
    }

    public ReadOnlyBooleanProperty seedOnProperty() { return seedOn.getReadOnlyProperty(); }
    public ReadOnlyLongProperty seedProperty() { return seed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty nOnProperty() { return nOn.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty nProperty() { return n.getReadOnlyProperty(); }
    /** {@code logprobs} as sent: null leaves it out. */
    public ReadOnlyObjectProperty<Boolean> logprobsProperty() { return logprobs.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty topOnProperty() { return topOn.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty topProperty() { return top.getReadOnlyProperty(); }
    /** The reasoning efforts to pick from (one that came with opened settings is added). */
    public ObservableList<String> efforts() { return effortsView; }
    /** {@code reasoning_effort}; empty leaves it out. */
    public ReadOnlyStringProperty effortProperty() { return effort.getReadOnlyProperty(); }
    /** Why the last typed seed was refused; empty when it was accepted. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyLongProperty revision() { return revision.getReadOnlyProperty(); }

    public boolean logprobsOn() { return Boolean.TRUE.equals(logprobs.get()); }

    public void setSeedOn(boolean on) { seedOn.set(on); }

    /** Parses a typed seed (a whole number, 0 or more); a refusal keeps the old one and says why. */
    public boolean setSeedText(String text) {
        String typed = text == null ? "" : text.strip();
        try {
            long value = Long.parseLong(typed);
            if (value < 0) throw new NumberFormatException();
            seed.set(value);
            seedOn.set(true);
            message.set("");
            return true;
        } catch (NumberFormatException e) {
            message.set("seed takes a whole number of 0 or more, not \"" + typed + "\".");
            return false;
        }
    }

    /** A random seed, switched on: the run can be repeated with it. */
    public void rollSeed() {
        seed.set(dice.getAsLong());
        seedOn.set(true);
        message.set("");
    }

    public void setNOn(boolean on) { nOn.set(on); }

    public void setN(int value) { n.set(Math.clamp(value, 1, MAX_N)); }

    public void setLogprobs(boolean on) { logprobs.set(on ? Boolean.TRUE : null); }

    public void setTopOn(boolean on) { topOn.set(on); }

    public void setTop(int value) { top.set(Math.clamp(value, 0, ExtendedParameters.MAX_TOP_LOGPROBS)); }

    /** Picks a reasoning effort; null or empty leaves it out. */
    public void setEffort(String value) { effort.set(value == null ? "" : value); }

    public void resetToDefaults() {
        seedOn.set(false);
        nOn.set(false);
        logprobs.set(null);
        topOn.set(false);
        effort.set("");
        message.set("");
    }

    /** {@code base} with these fields; {@code top_logprobs} only goes with log-probabilities on. */
    public ExtendedParameters applyTo(ExtendedParameters base) {
        Integer topSent = Boolean.TRUE.equals(logprobs.get()) && topOn.get() ? top.get() : null;
        return base.withSeed(seedOn.get() ? seed.get() : null)
                .withN(nOn.get() ? n.get() : null)
                .withLogprobs(logprobs.get(), topSent)
                .withReasoningEffort(effort.get().isEmpty() ? null : effort.get());
    }

    public void show(ExtendedParameters extended) {
        seedOn.set(extended.seed() != null);
        if (extended.seed() != null) seed.set(extended.seed());
        nOn.set(extended.n() != null);
        if (extended.n() != null) n.set(extended.n());
        logprobs.set(extended.logprobs());
        topOn.set(extended.topLogprobs() != null);
        if (extended.topLogprobs() != null) top.set(extended.topLogprobs());
        String shown = extended.reasoningEffort() == null ? "" : extended.reasoningEffort();
        if (!shown.isEmpty() && !efforts.contains(shown)) efforts.add(shown);
        effort.set(shown);
        message.set("");
    }
}
