package parley.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import parley.api.ApiError;
import parley.ui.markdown.MarkdownRenderer;
import parley.ui.HoverTooltip;
import parley.ui.markdown.MarkdownView;

/**
 * One message of the transcript: who wrote it, its text (Markdown for replies, as typed for the
 * user), the reasoning in a section that folds away once the answer begins, how it ended, the
 * provider's error with a Retry, a footer with the reply's figures, and its actions.
 */
final class MessageCard extends VBox {
    private final MessageItem item;
    private final ChatViewModel model;
    private final Consumer<String> clipboard;
    private final StackPane body = new StackPane();
    private final Node text;
    private final MarkdownView markdown;
    private MarkdownView reasoning;
    private TitledPane reasoningPane;
    private Node errorBox;
    private final Text userText;
    private TextArea selectable;
    private VBox editor;
    private HBox headerBox;
    private Node footerNode;
    private TokenInspector tokens;

    MessageCard(MessageItem item, ChatViewModel model, MarkdownRenderer renderer, Consumer<String> clipboard) {
        this.item = item;
        this.model = model;
        this.clipboard = clipboard;
        getStyleClass().addAll("chat-card", "chat-card-" + item.role());
        if (item.isUser()) {
            userText = new Text(item.content().text());
            userText.getStyleClass().addAll("md-text", "chat-user-text");
            TextFlow flow = new TextFlow(userText);
            flow.getStyleClass().add("md-paragraph");
            text = flow;
            markdown = null;
            item.content().onReset(userText::setText);
        } else {
            userText = null;
            markdown = new MarkdownView(renderer);
            markdown.setText(item.content().text());
            text = markdown;
            item.content().onAppend(markdown::append);
            item.content().onReset(markdown::setText);
            item.statusProperty().addListener((o, was, now) -> {
                if (now != MessageItem.Status.STREAMING) markdown.finish();
            });
        }
        text.getStyleClass().add("chat-body");
        body.getChildren().add(text);
        body.setAlignment(Pos.TOP_LEFT);
        footerNode = footer();
        getChildren().addAll(header(), body, footerNode);
        followReasoning(renderer);
        followError();
        if (item.isAssistant()) followDetails(renderer);
    }

    MessageItem item() {
        return item;
    }

    /** The Markdown views of this card that are shown now: the answer's and the open reasoning's. */
    List<MarkdownView> shownMarkdown() {
        List<MarkdownView> shown = new ArrayList<>(2);
        if (reasoning != null && isShown(reasoning)) shown.add(reasoning);
        if (markdown != null && isShown(markdown)) shown.add(markdown);
        return shown;
    }

    private boolean isShown(Node node) {
        for (Node n = node; n != null && n != this; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return node.getScene() != null;
    }

    private Node header() {
        Label role = new Label(switch (item.role()) {
            case "user" -> "You";
            case "assistant" -> "Assistant";
            case "system" -> "System";
            default -> item.role();
        });
        role.getStyleClass().add("chat-role");
        Label mark = new Label();
        mark.getStyleClass().add("chat-mark");
        mark.textProperty().bind(Bindings.createStringBinding(() -> switch (item.status()) {
            case STREAMING -> "streaming…";
            default -> item.status().mark();
        }, item.statusProperty()));
        mark.visibleProperty().bind(mark.textProperty().isNotEmpty());
        item.statusProperty().addListener((o, was, now) -> styleMark(mark, now));
        styleMark(mark, item.status());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(role, mark, gap);
        headerBox = header;
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("chat-card-header");
        Button copy = action("Copy", "Copy this message as Markdown", () -> clipboard.accept(model.copyText(item)));
        Button select = action("Select", "Show the text as plain text you can select", () -> {});
        select.getStyleClass().add("chat-select");
        select.setOnAction(e -> {
            boolean on = selectable == null;
            showSelectable(on);
            select.setText(on ? "Rendered" : "Select");
        });
        header.getChildren().addAll(copy, select);
        if (item.isUser()) header.getChildren().add(action("Edit", "Change this message and send it again", this::startEditing));
        if (item.isAssistant()) {
            Button regenerate = action("Regenerate", "Ask for this answer again", model::regenerate);
            regenerate.visibleProperty().bind(model.canRegenerateProperty().and(
                    Bindings.createBooleanBinding(() -> isLast(), model.items())));
            regenerate.managedProperty().bind(regenerate.visibleProperty());
            header.getChildren().add(regenerate);
        }
        if (model.canBranch()) {
            Button branch = action("Branch", "Start a new conversation with the messages up to this one",
                    () -> model.branchFrom(item));
            branch.disableProperty().bind(item.statusProperty().isEqualTo(MessageItem.Status.STREAMING));
            header.getChildren().add(branch);
        }
        Button delete = action("Delete", "Remove this message from the chat", () -> model.delete(item));
        delete.disableProperty().bind(item.statusProperty().isEqualTo(MessageItem.Status.STREAMING));
        header.getChildren().add(delete);
        return header;
    }

    private static void styleMark(Label mark, MessageItem.Status status) {
        mark.getStyleClass().removeAll("chat-mark-error", "chat-mark-warn", "chat-mark-live");
        mark.getStyleClass().add(switch (status) {
            case FAILED -> "chat-mark-error";
            case STREAMING -> "chat-mark-live";
            default -> "chat-mark-warn";
        });
    }

    /**
     * The reasoning section is made when the first reasoning arrives (most messages have none): a
     * TitledPane and its skin are a good part of a card's cost to build and style.
     */
    private void followReasoning(MarkdownRenderer renderer) {
        if (!item.reasoning().isEmpty()) showReasoning(renderer);
        item.reasoning().onAppend(piece -> {
            if (reasoning == null) showReasoning(renderer);
            else reasoning.append(piece);
        });
        item.reasoning().onReset(value -> {
            if (reasoning == null) {
                if (!value.isEmpty()) showReasoning(renderer);
                return;
            }
            reasoning.setText(value);
            reasoningPane.setVisible(!value.isEmpty());
            reasoningPane.setManaged(!value.isEmpty());
        });
        item.statusProperty().addListener((o, was, now) -> {
            if (now != MessageItem.Status.STREAMING && reasoning != null) reasoning.finish();
        });
        item.answeringProperty().addListener((o, was, now) -> {
            if (now && reasoningPane != null) reasoningPane.setExpanded(false);
        });
    }

    private void showReasoning(MarkdownRenderer renderer) {
        reasoning = new MarkdownView(renderer);
        reasoning.getStyleClass().add("chat-reasoning-text");
        boolean streaming = item.status() == MessageItem.Status.STREAMING;
        if (streaming) reasoning.append(item.reasoning().text());
        else reasoning.setText(item.reasoning().text());
        reasoningPane = new TitledPane("Reasoning", reasoning);
        reasoningPane.getStyleClass().add("chat-reasoning");
        reasoningPane.setAnimated(false);
        reasoningPane.setExpanded(streaming && !item.answeringProperty().get());
        getChildren().add(1, reasoningPane);
    }

    /** The error section is made when the message first gets an error. */
    private void followError() {
        if (item.errorProperty().get() != null) showError();
        item.errorProperty().addListener((o, was, now) -> {
            if (now != null && errorBox == null) showError();
        });
    }

    private void showError() {
        errorBox = errorBox();
        getChildren().add(getChildren().indexOf(body) + 1, errorBox);
    }

    private Node errorBox() {
        Label message = new Label();
        message.getStyleClass().add("chat-error-text");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> describe(item.errorProperty().get()),
                item.errorProperty()));
        Button retry = new Button("Retry");
        retry.getStyleClass().addAll("small", "chat-retry");
        retry.setOnAction(e -> model.retry());
        retry.visibleProperty().bind(model.stateProperty().isNotEqualTo(ChatViewModel.State.STREAMING)
                .and(Bindings.createBooleanBinding(this::isLast, model.items())));
        retry.managedProperty().bind(retry.visibleProperty());
        VBox box = new VBox(message, new HBox(6, retry, sendWithout(retry)));
        box.getStyleClass().add("chat-error");
        box.visibleProperty().bind(item.errorProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * What a reply carries besides its text gets its section when the reply has ended with it: tool
     * calls, choices, the check of its JSON and, with log-probabilities, the Tokens toggle. A plain
     * reply builds none of them.
     */
    private void followDetails(MarkdownRenderer renderer) {
        item.toolCallsProperty().subscribe(calls -> {
            if (calls != null) addSection(new ToolCallsView(calls));
        });
        item.choicesProperty().subscribe(choices -> {
            if (choices == null) return;
            showBody(false);
            addSection(new ChoicesView(choices, renderer));
        });
        item.outputCheckProperty().subscribe(check -> {
            if (check != null) addSection(outputCheck(check));
        });
        item.logprobsProperty().subscribe(list -> {
            if (!list.isEmpty() && headerBox.lookup(".chat-tokens") == null) addTokensToggle();
        });
    }

    private void addSection(Node section) {
        getChildren().add(getChildren().indexOf(footerNode), section);
    }

    private void showBody(boolean on) {
        body.setVisible(on);
        body.setManaged(on);
    }

    private void addTokensToggle() {
        ToggleButton toggle = new ToggleButton("Tokens");
        toggle.getStyleClass().addAll("small", "flat", "chat-action", "chat-tokens");
        HoverTooltip.install(toggle, "Show each token shaded by its probability; hover a token for its alternatives");
        toggle.selectedProperty().addListener((o, was, on) -> showTokens(on));
        headerBox.getChildren().add(headerBox.getChildren().indexOf(headerBox.lookup(".chat-select")) + 1, toggle);
    }

    private void showTokens(boolean on) {
        if (on) {
            if (tokens == null) tokens = new TokenInspector(item.logprobsProperty().get());
            body.getChildren().setAll(tokens);
            showBody(true);
        } else {
            body.getChildren().setAll(text);
            showBody(item.choicesProperty().get() == null);
        }
    }

    private static Node outputCheck(OutputCheck check) {
        Label headline = new Label(check.headline());
        headline.getStyleClass().add("output-check-headline");
        VBox box = new VBox(4, headline);
        box.getStyleClass().addAll("output-check", check.verdict().valid() ? "output-check-valid" : "output-check-invalid");
        for (String problem : check.verdict().problems()) {
            Label line = new Label(problem);
            line.setWrapText(true);
            line.getStyleClass().add("output-check-problem");
            box.getChildren().add(line);
        }
        return box;
    }

    /** "Send without X" beside Retry when the server refused a parameter X it named. */
    private Node sendWithout(Button retry) {
        ApiError error = item.errorProperty().get();
        Optional<String> parameter = model.parameterToLeaveOut(error);
        Button button = new Button(parameter.map(p -> "Send without " + p).orElse(""));
        button.setId("send-without");
        button.getStyleClass().addAll("small", "chat-retry");
        HoverTooltip.install(button, "Send again without this parameter, and leave it out for this model from now on");
        button.setOnAction(e -> parameter.ifPresent(p -> model.sendWithout(p, error)));
        if (parameter.isPresent()) button.visibleProperty().bind(retry.visibleProperty());
        else button.setVisible(false);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    /** The provider's own message, with what kind of failure it was. */
    static String describe(ApiError error) {
        if (error == null) return "";
        String status = error.status() > 0 ? " (HTTP " + error.status() + ")" : "";
        String kind = switch (error.kind()) {
            case AUTHENTICATION -> "The provider refused the key";
            case PAYMENT -> "The account's balance is spent";
            case NOT_FOUND -> "Not found";
            case RATE_LIMIT -> "Too many requests";
            case BAD_REQUEST -> "The provider refused the request";
            case SERVER -> "The provider failed";
            case NETWORK -> "The connection failed";
            case TIMEOUT -> "No answer in time";
            case PROTOCOL -> "The answer could not be read";
            case CANCELLED -> "Cancelled";
        };
        String message = error.message() == null || error.message().isBlank() ? "" : ": " + error.message();
        return kind + status + message;
    }

    private Node footer() {
        Label footer = new Label();
        footer.getStyleClass().add("chat-footer");
        footer.setWrapText(true);
        footer.textProperty().bind(Bindings.createStringBinding(() -> footerText(item.footerProperty().get(),
                item.costProperty().get()), item.footerProperty(), item.costProperty()));
        footer.visibleProperty().bind(footer.textProperty().isNotEmpty());
        footer.managedProperty().bind(footer.visibleProperty());
        return footer;
    }

    static String footerText(ReplyFooter footer, String cost) {
        String text = footer == null ? "" : footer.text();
        if (cost == null || cost.isEmpty()) return text;
        return text.isEmpty() ? cost : text + " · " + cost;
    }

    private boolean isLast() {
        return !model.items().isEmpty() && model.items().getLast() == item;
    }

    private void showSelectable(boolean on) {
        if (on) {
            selectable = new TextArea(item.content().text());
            selectable.setEditable(false);
            selectable.setWrapText(true);
            selectable.getStyleClass().add("chat-selectable");
            selectable.setPrefRowCount(Math.min(20, Math.max(2, (int) item.content().text().lines().count() + 1)));
            body.getChildren().setAll(selectable);
        } else {
            selectable = null;
            body.getChildren().setAll(text);
        }
    }

    private void startEditing() {
        TextArea area = new TextArea(item.content().text());
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(12, Math.max(3, (int) item.content().text().lines().count() + 1)));
        area.getStyleClass().add("chat-edit-area");
        Button send = new Button("Send");
        send.getStyleClass().addAll("small", "accent", "chat-edit-send");
        send.setOnAction(e -> {
            if (model.edit(item, area.getText())) {
                body.getChildren().setAll(text);
                editor = null;
            }
        });
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().addAll("small", "chat-edit-cancel");
        cancel.setOnAction(e -> {
            body.getChildren().setAll(text);
            editor = null;
        });
        HBox buttons = new HBox(6, send, cancel);
        editor = new VBox(6, area, buttons);
        editor.getStyleClass().add("chat-editor");
        body.getChildren().setAll(editor);
        area.requestFocus();
        area.end(); // the caret after the text, where a change to a message usually goes
    }

    private Button action(String label, String tip, Runnable run) {
        Button button = new Button(label);
        button.getStyleClass().addAll("small", "flat", "chat-action");
        HoverTooltip.install(button, tip);
        button.setOnAction(e -> run.run());
        return button;
    }
}
