package parley.ui.experiment;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Decorations;
import parley.ui.ViewBindings;
import parley.ui.params.ParamSpec;

/**
 * One swept parameter: a ControlsFX {@link RangeSlider} bounded by the parameter's own limits with
 * the step beside it, or a typed list of values; "omit" adds a cell without the parameter. The
 * values the axis takes are listed under it; a refusal decorates the field it concerns.
 */
final class AxisRow extends VBox {
    private final AxisModel axis;
    private final RangeSlider range;
    private final TextField step = new TextField();
    private final TextField list = new TextField();
    private boolean pushing;

    AxisRow(AxisModel axis, Runnable remove) {
        super(4);
        this.axis = axis;
        ParamSpec spec = axis.spec();
        setId("axis-" + spec.key());
        getStyleClass().add("experiment-axis");
        range = new RangeSlider(spec.min(), spec.sliderMax(), axis.lowProperty().get().doubleValue(), axis.highProperty().get().doubleValue());
        range.setId("range-" + spec.key());
        range.setShowTickMarks(true);
        range.setShowTickLabels(true);
        range.setMajorTickUnit((spec.sliderMax() - spec.min()) / 4);
        range.setBlockIncrement(spec.integer() ? 1 : spec.step());
        range.lowValueProperty().addListener(o -> moved());
        range.highValueProperty().addListener(o -> moved());
        axis.lowProperty().addListener(o -> showRange());
        axis.highProperty().addListener(o -> showRange());
        HBox.setHgrow(range, Priority.ALWAYS);

        step.setId("step-" + spec.key());
        step.setPrefColumnCount(4);
        ViewBindings.follow(axis.stepProperty(), step.textProperty(), axis::setStep);
        step.setTooltip(new Tooltip("The step between values"));
        list.setId("list-" + spec.key());
        list.setPromptText("0, 0.5, 1, omit");
        ViewBindings.follow(axis.listProperty(), list.textProperty(), axis::setList);
        HBox.setHgrow(list, Priority.ALWAYS);
        Decorations.follow(step, Bindings.createStringBinding(() -> axis.listModeProperty().get() ? "" : axis.messageProperty().get(),
                axis.listModeProperty(), axis.messageProperty()));
        Decorations.follow(list, Bindings.createStringBinding(() -> axis.listModeProperty().get() ? axis.messageProperty().get() : "",
                axis.listModeProperty(), axis.messageProperty()));

        HBox rangeRow = new HBox(8, range, new Label("step"), step);
        rangeRow.setAlignment(Pos.CENTER_LEFT);
        rangeRow.visibleProperty().bind(axis.listModeProperty().not());
        rangeRow.managedProperty().bind(rangeRow.visibleProperty());
        list.visibleProperty().bind(axis.listModeProperty());
        list.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(head(spec, remove), rangeRow, list, valuesLine());
    }

    private HBox head(ParamSpec spec, Runnable remove) {
        Label name = new Label(spec.label() + "  (" + spec.key() + ", " + spec.rangeText() + ")");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        ToggleButton asList = new ToggleButton("List");
        asList.setId("list-mode-" + spec.key());
        asList.getStyleClass().add(Styles.SMALL);
        asList.setTooltip(new Tooltip("Type the values instead of a range"));
        ViewBindings.follow(axis.listModeProperty(), asList.selectedProperty(), axis::setListMode);
        ToggleSwitch omit = new ToggleSwitch("omit");
        omit.setId("omit-" + spec.key());
        omit.setTooltip(new Tooltip("Also run the cells without " + spec.key() + " in the request"));
        ViewBindings.follow(axis.omitProperty(), omit.selectedProperty(), axis::setOmit);
        Button drop = new Button(null, new FontIcon(Feather.X));
        drop.setId("remove-axis-" + spec.key());
        drop.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        drop.setTooltip(new Tooltip("Stop sweeping " + spec.key()));
        drop.setOnAction(e -> remove.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, name, grow, asList, omit, drop);
        head.setAlignment(Pos.CENTER_LEFT);
        return head;
    }

    private Label valuesLine() {
        Label values = new Label();
        values.setId("values-" + axis.spec().key());
        values.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        values.setWrapText(true);
        values.textProperty().bind(axis.valuesProperty().map(v -> v.isEmpty() ? axis.messageProperty().get()
                : v.size() + (v.size() == 1 ? " value: " : " values: ") + axis.valuesText()));
        return values;
    }

    private void moved() {
        if (pushing) return;
        axis.setRange(range.getLowValue(), range.getHighValue());
    }

    private void showRange() {
        pushing = true;
        try {
            range.setHighValue(axis.highProperty().get().doubleValue());
            range.setLowValue(axis.lowProperty().get().doubleValue());
            range.setHighValue(axis.highProperty().get().doubleValue());
        } finally {
            pushing = false;
        }
    }
}
