package parley.ui.params;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.api.ChatRequest;
import parley.capability.ModelCapabilities;
import parley.capability.Parameters;
import parley.chat.ChatSettings;
import parley.preset.ParameterSet;

/**
 * Every request parameter the window lets the user set, with the seed's bounds and defaults.
 * {@link #revision()} ticks on every change so the request view can follow.
 */
public final class ParamsViewModel {
    private final NumberParam maxTokens = new NumberParam(ParamSpec.MAX_TOKENS);
    private final NumberParam temperature = new NumberParam(ParamSpec.TEMPERATURE);
    private final NumberParam topP = new NumberParam(ParamSpec.TOP_P);
    private final NumberParam frequencyPenalty = new NumberParam(ParamSpec.FREQUENCY_PENALTY);
    private final NumberParam presencePenalty = new NumberParam(ParamSpec.PRESENCE_PENALTY);
    private final ObservableList<String> stops = FXCollections.observableArrayList();
    // one wrapper for good: an unmodifiable view listens weakly, so a fresh one per call would lose listeners
    private final ObservableList<String> stopsView = FXCollections.unmodifiableObservableList(stops);
    private final ReadOnlyBooleanWrapper stream = new ReadOnlyBooleanWrapper(this, "stream", true);
    private final ReadOnlyBooleanWrapper includeUsage = new ReadOnlyBooleanWrapper(this, "includeUsage", true);
    private final ReadOnlyStringWrapper systemPrompt = new ReadOnlyStringWrapper(this, "systemPrompt", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyObjectWrapper<ModelCapabilities> capabilities = new ReadOnlyObjectWrapper<>(this,
            "capabilities", ModelCapabilities.unknown(ChatSettings.DEFAULT_PROVIDER, ChatSettings.DEFAULT_MODEL));
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");

    public ParamsViewModel() {
        for (Observable o : List.<Observable>of(stops, stream, includeUsage, systemPrompt)) {
            o.addListener(x -> revision.set(revision.get() + 1));
        }
        for (NumberParam p : numbers()) {
            p.valueProperty().addListener(x -> revision.set(revision.get() + 1));
            p.includedProperty().addListener(x -> revision.set(revision.get() + 1));
        }
    }

    public List<NumberParam> numbers() {
        return List.of(maxTokens, temperature, topP, frequencyPenalty, presencePenalty);
    }

    public NumberParam maxTokens() { return maxTokens; }
    public NumberParam temperature() { return temperature; }
    public NumberParam topP() { return topP; }
    public NumberParam frequencyPenalty() { return frequencyPenalty; }
    public NumberParam presencePenalty() { return presencePenalty; }

    public ObservableList<String> stops() { return stopsView; }
    public ReadOnlyBooleanProperty streamProperty() { return stream.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty includeUsageProperty() { return includeUsage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty systemPromptProperty() { return systemPrompt.getReadOnlyProperty(); }
    /** The last refusal ("at most 4 stop sequences …"), empty when there is none. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyLongProperty revision() { return revision.getReadOnlyProperty(); }
    /**
     * What the chosen provider's model accepts, ignores or refuses, following the provider and model
     * live: a control it ignores is greyed with the reason, one it refuses is left out.
     */
    public ReadOnlyObjectProperty<ModelCapabilities> capabilitiesProperty() { return capabilities.getReadOnlyProperty(); }
    /** One line per parameter of this panel the model refuses ("temperature is left out: …"); empty when none. */
    public ReadOnlyStringProperty leftOutProperty() { return leftOut.getReadOnlyProperty(); }

    /** Shows what the chosen model does with each parameter. */
    public void showCapabilities(ModelCapabilities known) {
        capabilities.set(known);
        List<String> lines = new ArrayList<>();
        for (String key : panelParameters()) {
            if (known.status(key).refused()) {
                lines.add(key + " is left out of the request: " + known.status(key).reason());
            }
        }
        leftOut.set(String.join("\n", lines));
    }

    private List<String> panelParameters() {
        List<String> keys = new ArrayList<>(numbers().stream().map(p -> p.spec().key()).toList());
        keys.addAll(List.of(Parameters.STOP, Parameters.STREAM, Parameters.SEED, Parameters.N, Parameters.LOGPROBS,
                Parameters.TOP_LOGPROBS, Parameters.REASONING_EFFORT, Parameters.RESPONSE_FORMAT));
        return keys;
    }

    public void setStream(boolean on) { stream.set(on); }
    public void setIncludeUsage(boolean on) { includeUsage.set(on); }
    public void setSystemPrompt(String text) { systemPrompt.set(text == null ? "" : text); }

    /** Adds a stop sequence; refuses an empty one, a repeat and a fifth, with a message. */
    public boolean addStop(String text) {
        if (text == null || text.isEmpty()) {
            return refuse("Type the stop sequence first: an empty one is not allowed.");
        }
        if (stops.size() >= ChatRequest.MAX_STOP_SEQUENCES) {
            return refuse("At most " + ChatRequest.MAX_STOP_SEQUENCES
                    + " stop sequences: remove one before adding another.");
        }
        if (stops.contains(text)) return refuse("\"" + visible(text) + "\" is already a stop sequence.");
        stops.add(text);
        message.set("");
        return true;
    }

    public void removeStop(String text) {
        stops.remove(text);
        message.set("");
    }

    public void resetToDefaults() {
        numbers().forEach(NumberParam::reset);
        stops.clear();
        stream.set(true);
        includeUsage.set(true);
        systemPrompt.set("");
        message.set("");
    }

    /** The current settings as a plain value: what a preset stores. */
    public ParameterSet snapshot() {
        return new ParameterSet(maxTokens.requestInteger(), temperature.requestValue(), topP.requestValue(),
                frequencyPenalty.requestValue(), presencePenalty.requestValue(), List.copyOf(stops),
                stream.get(), includeUsage.get(), systemPrompt.get());
    }

    /** {@code base} with this panel's parameters, stop sequences, stream switches and system prompt. */
    public ChatSettings applyTo(ChatSettings base) {
        return base.withMaxTokens(maxTokens.requestInteger())
                .withTemperature(temperature.requestValue())
                .withTopP(topP.requestValue())
                .withFrequencyPenalty(frequencyPenalty.requestValue())
                .withPresencePenalty(presencePenalty.requestValue())
                .withStop(List.copyOf(stops))
                .withStream(stream.get(), includeUsage.get())
                .withSystemPrompt(systemPrompt.get().isBlank() ? null : systemPrompt.get());
    }

    public void apply(ParameterSet set) {
        applyValues(set.maxTokens(), set.temperature(), set.topP(), set.frequencyPenalty(), set.presencePenalty(),
                set.stop(), set.stream(), set.includeUsage(), set.systemPrompt());
    }

    /** Shows the parameters, stop sequences, stream switches and system prompt of {@code settings}. */
    public void show(ChatSettings settings) {
        applyValues(settings.maxTokens(), settings.temperature(), settings.topP(), settings.frequencyPenalty(),
                settings.presencePenalty(), settings.stop(), Boolean.TRUE.equals(settings.stream()),
                settings.includeUsage(), settings.systemPrompt());
    }

    private void applyValues(Integer maxTokensValue, Double temperatureValue, Double topPValue, Double frequency,
                             Double presence, List<String> stopValues, boolean streamOn, boolean usageOn,
                             String prompt) {
        maxTokens.apply(maxTokensValue == null ? null : maxTokensValue.doubleValue());
        temperature.apply(temperatureValue);
        topP.apply(topPValue);
        frequencyPenalty.apply(frequency);
        presencePenalty.apply(presence);
        stops.setAll(stopValues.stream().limit(ChatRequest.MAX_STOP_SEQUENCES).toList());
        stream.set(streamOn);
        includeUsage.set(usageOn);
        systemPrompt.set(prompt == null ? "" : prompt);
        message.set("");
    }

    private boolean refuse(String text) {
        message.set(text);
        return false;
    }

    static String visible(String text) {
        return text.replace("\n", "\\n").replace("\t", "\\t");
    }
}
