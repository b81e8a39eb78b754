package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import java.util.function.Predicate;
import parley.ui.Decorations;
import parley.ui.Dialogs;
import parley.ui.ViewBindings;
import parley.ui.params.ParamSpec;

/** The experiment's definition, section by section: prompt, models, repeats and concurrency, swept parameters, inputs, checks. */
final class ExperimentForm extends ScrollPane {
    private final ExperimentFormModel form;
    private final VBox axes = new VBox(10);

    ExperimentForm(ExperimentFormModel form, Dialogs dialogs) {
        this.form = form;
        setId("experiment-form");
        setFitToWidth(true);
        VBox body = new VBox(14, section(promptHead(), prompt()), section("Models", new ModelsField(form)),
                section("Runs", counts()), section("Parameters", parameters()),
                section("Inputs", new InputsField(form.inputs(), dialogs)), section("Checks", new ChecksField(form)));
        body.setPadding(new Insets(12));
        body.getStyleClass().add("experiment-form");
        setContent(body);
    }

    private Node prompt() {
        TextArea system = new TextArea();
        system.setId("experiment-system");
        system.setPromptText("System message (optional)");
        system.setPrefRowCount(2);
        system.setWrapText(true);
        ViewBindings.follow(form.systemProperty(), system.textProperty(), form::setSystem);
        TextArea user = new TextArea();
        user.setId("experiment-user");
        user.setPromptText("The user message; {{name}} takes a value from each input row");
        user.setPrefRowCount(3);
        user.setWrapText(true);
        ViewBindings.follow(form.userProperty(), user.textProperty(), form::setUser);
        Label history = new Label();
        history.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        history.textProperty().bind(form.userProperty().map(u -> form.history().isEmpty() ? "A plain prompt (no earlier messages)."
                : "After the chat's " + form.history().size() + " earlier messages."));
        return new VBox(6, system, user, history);
    }

    private Node parameters() {
        ComboBox<ParamSpec> pick = new ComboBox<>();
        pick.setId("axis-parameter");
        pick.getItems().setAll(ExperimentFormModel.SWEEPABLE);
        pick.setPromptText("Sweep a parameter");
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(ParamSpec s) { return s == null ? "" : s.label() + " (" + s.key() + ")"; }

            @Override
            public ParamSpec fromString(String s) { return null; }
        });
        Button add = new Button("Sweep");
        add.setId("add-axis");
        add.getStyleClass().add(Styles.SMALL);
        add.disableProperty().bind(pick.valueProperty().isNull());
        add.setOnAction(e -> form.addAxis(pick.getValue()));
        form.axes().addListener((ListChangeListener<AxisModel>) c -> {
            boolean structural = false;
            while (c.next()) structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            if (structural) showAxes(); // an axis's values changing must not rebuild its row mid-drag
        });
        showAxes();
        HBox row = new HBox(6, pick, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, row, axes);
    }

    private void showAxes() {
        axes.getChildren().setAll(form.axes().stream().map(a -> (Node) new AxisRow(a, () -> form.removeAxis(a))).toList());
    }

    private Node counts() {
        TextField repeats = count("experiment-repeats", form.repeatsProperty().get(), form::setRepeats);
        TextField concurrency = count("experiment-concurrency", form.concurrencyProperty().get(), form::setConcurrency);
        Decorations.follow(repeats, form.countsMessageProperty().map(m -> m.startsWith("Repeats") ? m : "").orElse(""));
        Decorations.follow(concurrency, form.countsMessageProperty().map(m -> m.startsWith("Concurrency") ? m : "").orElse(""));
        HBox row = new HBox(8, new Label("Repeats"), repeats, new Label("Concurrency per provider"), concurrency);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField count(String id, int value, Predicate<String> set) {
        TextField field = new TextField(Integer.toString(value));
        field.setId(id);
        field.setPrefColumnCount(4);
        field.textProperty().addListener((o, old, now) -> set.test(now));
        return field;
    }

    /** The Prompt section's title with "From the library…" beside it, a link no taller than the title. */
    private Node promptHead() {
        Button library = new Button("From the library…");
        library.setId("experiment-from-library");
        library.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        library.setPadding(Insets.EMPTY);
        library.setOnAction(e -> { if (form.libraryActionProperty().get() != null) form.libraryActionProperty().get().run(); });
        library.visibleProperty().bind(form.libraryActionProperty().isNotNull());
        HBox head = new HBox(12, title("Prompt"), library);
        head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        return head;
    }

    private static Label title(String text) {
        Label head = new Label(text);
        head.getStyleClass().addAll(Styles.TITLE_4, "experiment-section-title");
        return head;
    }

    private static Node section(String title, Node content) {
        return section(title(title), content);
    }

    private static Node section(Node head, Node content) {
        VBox box = new VBox(6, head, content);
        box.getStyleClass().add("experiment-section");
        return box;
    }
}
