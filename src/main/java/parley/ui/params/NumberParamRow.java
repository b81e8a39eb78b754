package parley.ui.params;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import parley.capability.Support;
import parley.ui.Decorations;
import parley.ui.ViewBindings;

/**
 * A switch, a slider and a numeric field for one parameter, kept in sync through its view model. A
 * parameter the chosen model ignores is greyed with the reason; one it refuses is not shown.
 */
final class NumberParamRow extends VBox {
    private static final double THUMB_HALF = 8;
    private final NumberParam param;
    private final Slider slider;
    private final TextField field = new TextField();
    private boolean pushing;

    NumberParamRow(NumberParam param, ObservableValue<Support> support) {
        this.param = param;
        ParamSpec spec = param.spec();
        setId("param-" + spec.key());
        getStyleClass().add("param-row");

        ToggleSwitch include = new ToggleSwitch();
        include.setId("include-" + spec.key());
        ViewBindings.follow(param.includedProperty(), include.selectedProperty(), param::setIncluded);
        include.setTooltip(new Tooltip("Off: " + spec.key() + " is left out of the request"));

        Label name = new Label(spec.label());
        name.getStyleClass().add("param-name");
        Tooltip about = new Tooltip(spec.key() + ": " + spec.description() + "\nDefault " + spec.format(spec.defaultValue()));
        about.setWrapText(true);
        about.setMaxWidth(320);
        about.setShowDelay(Duration.millis(300));
        name.setTooltip(about);

        field.setId("field-" + spec.key());
        field.setPrefColumnCount(spec.integer() ? 7 : 5);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setTooltip(about);
        field.setOnAction(e -> commitField());
        field.focusedProperty().addListener((o, was, now) -> { if (!now) commitField(); });
        Decorations.whenFirstRefused(field, param.messageProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, include, name, grow, field);
        head.setAlignment(Pos.CENTER_LEFT);

        slider = new Slider(spec.min(), spec.sliderMax(), param.value());
        slider.setId("slider-" + spec.key());
        slider.setBlockIncrement(spec.integer() ? 64 : spec.step());
        slider.setTooltip(about);
        slider.valueProperty().addListener((o, old, now) -> sliderMoved(now.doubleValue()));
        param.valueProperty().addListener((o, old, now) -> show(now.doubleValue()));

        Label defaults = new Label("default " + spec.format(spec.defaultValue()) + " · " + spec.rangeText());
        defaults.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label message = new Label();
        message.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(param.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        BooleanBinding ignored = Bindings.createBooleanBinding(() -> support.getValue().ignored(), support);
        include.disableProperty().bind(ignored);
        slider.disableProperty().bind(param.includedProperty().not().or(ignored));
        field.disableProperty().bind(param.includedProperty().not().or(ignored));
        defaults.disableProperty().bind(param.includedProperty().not().or(ignored));
        name.disableProperty().bind(ignored);
        getChildren().addAll(head, new VBox(0, slider, defaultMark(spec)), defaults, message, capabilityNote(support, ignored));
        visibleProperty().bind(Bindings.createBooleanBinding(() -> !support.getValue().refused(), support));
        managedProperty().bind(visibleProperty());
        show(param.value());
    }

    /** Why the chosen model ignores this parameter, shown under the greyed controls and as their tooltip. */
    private Label capabilityNote(ObservableValue<Support> support, BooleanBinding ignored) {
        Label note = new Label();
        note.setId("ignored-" + param.spec().key());
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.textProperty().bind(support.map(s -> s.ignored() ? "Ignored by this model: " + s.reason() : ""));
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(320);
        why.textProperty().bind(support.map(Support::reason));
        note.setTooltip(why);
        ignored.subscribe(on -> {
            if (on) Tooltip.install(this, why);
            else Tooltip.uninstall(this, why);
        });
        note.visibleProperty().bind(ignored);
        note.managedProperty().bind(ignored);
        return note;
    }

    private Pane defaultMark(ParamSpec spec) {
        Region tick = new Region();
        tick.getStyleClass().add("default-mark");
        tick.setManaged(false);
        tick.resize(2, 6);
        Pane lane = new Pane(tick);
        lane.setMinHeight(6);
        lane.setPrefHeight(6);
        double fraction = (spec.defaultValue() - spec.min()) / (spec.sliderMax() - spec.min());
        tick.layoutXProperty().bind(lane.widthProperty().subtract(2 * THUMB_HALF).multiply(fraction)
                .add(THUMB_HALF - 1));
        Tooltip.install(lane, new Tooltip("default " + spec.format(spec.defaultValue())));
        return lane;
    }

    private void sliderMoved(double raw) {
        if (pushing) return;
        ParamSpec spec = param.spec();
        double snapped = spec.integer() ? Math.round(raw)
                : Math.round(raw / spec.step()) * spec.step();
        param.set(snapped);
        show(param.value());
    }

    private void commitField() {
        if (!param.setText(field.getText())) field.setText(param.spec().format(param.value()));
    }

    private void show(double value) {
        pushing = true;
        try {
            slider.setValue(Math.min(value, param.spec().sliderMax()));
        } finally {
            pushing = false;
        }
        field.setText(param.spec().format(value));
    }
}
