package parley.ui.chat;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.List;
import parley.api.ApiError;
import parley.api.TokenLogprob;

/**
 * One card of the transcript as the view model keeps it: the role, the text and reasoning (which
 * grow while a reply streams), how it ended, the error and the footer. Changed by
 * {@link ChatViewModel} only; the view observes it. UI thread only.
 */
public final class MessageItem {
    /** How a message stands; anything but STREAMING and COMPLETE marks a reply that ended early. */
    public enum Status {
        STREAMING(""), COMPLETE(""), STOPPED("stopped"), TRUNCATED("truncated"), FAILED("error");

        private final String mark;

        Status(String mark) { this.mark = mark; }

        /** The word shown on the card ("" for none). */
        public String mark() { return mark; }
    }

    private final String id;
    private final String role;
    private final TextStream content = new TextStream();
    private final TextStream reasoning = new TextStream();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.COMPLETE);
    private final ReadOnlyObjectWrapper<ApiError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplyFooter> footer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper answering = new ReadOnlyBooleanWrapper();
    private final StringProperty cost = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ToolCallsViewModel> toolCalls = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChoicesViewModel> choices = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<TokenLogprob>> logprobs = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<OutputCheck> outputCheck = new ReadOnlyObjectWrapper<>();

    public MessageItem(String id, String role) {
        this.id = id;
        this.role = role;
    }

    public String id() { return id; }

    public String role() { return role; }

    public TextStream content() { return content; }

    public TextStream reasoning() { return reasoning; }

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }

    public Status status() { return status.get(); }

    public ReadOnlyObjectProperty<ApiError> errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ReplyFooter> footerProperty() { return footer.getReadOnlyProperty(); }

    /** True once the reply's text has begun (the reasoning section then folds away). */
    public ReadOnlyBooleanProperty answeringProperty() { return answering.getReadOnlyProperty(); }

    /**
     * The cost of this reply as the footer shows it ("$0.0012", "≈ $0.0012" when estimated, "price
     * unknown"), empty until it is priced. Set by the usage tracker.
     */
    public StringProperty costProperty() { return cost; }

    /** The reply's tool calls with their results, null when it called no tool. */
    public ReadOnlyObjectProperty<ToolCallsViewModel> toolCallsProperty() { return toolCalls.getReadOnlyProperty(); }

    /** The reply's choices when it came as several ({@code n > 1}), else null. */
    public ReadOnlyObjectProperty<ChoicesViewModel> choicesProperty() { return choices.getReadOnlyProperty(); }

    /** The reply's tokens with their log-probabilities, empty when none came. */
    public ReadOnlyObjectProperty<List<TokenLogprob>> logprobsProperty() { return logprobs.getReadOnlyProperty(); }

    /** The reply checked against the JSON its request asked for, null when it asked for text. */
    public ReadOnlyObjectProperty<OutputCheck> outputCheckProperty() { return outputCheck.getReadOnlyProperty(); }

    public boolean isUser() { return "user".equals(role); }

    public boolean isAssistant() { return "assistant".equals(role); }

    void appendContent(String text) {
        if (!text.isEmpty()) answering.set(true);
        content.append(text);
    }

    void appendReasoning(String text) {
        reasoning.append(text);
    }

    void setText(String text, String reasoningText) {
        reasoning.reset(reasoningText);
        content.reset(text);
        answering.set(!text.isEmpty());
    }

    void setStatus(Status value) { status.set(value); }

    void setError(ApiError value) { error.set(value); }

    void setFooter(ReplyFooter value) { footer.set(value); }

    void setToolCalls(ToolCallsViewModel value) { toolCalls.set(value); }

    void setChoices(ChoicesViewModel value) { choices.set(value); }

    void setLogprobs(List<TokenLogprob> value) { logprobs.set(List.copyOf(value)); }

    void setOutputCheck(OutputCheck value) { outputCheck.set(value); }
}
