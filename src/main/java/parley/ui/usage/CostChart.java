package parley.ui.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import parley.usage.UsageReport;

/** Cost per day, stacked by model, and a note on days that include requests of unknown price. */
public final class CostChart extends VBox {
    private final CategoryAxis days = new CategoryAxis();
    private final NumberAxis dollars = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(days, dollars);
    private final Label note = new Label();

    public CostChart() {
        setId("usage-chart");
        getStyleClass().add("usage-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(340);
        chart.setMinHeight(300);
        note.getStyleClass().add("usage-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(chart, note);
    }

    public void show(UsageReport.DailyCosts costs) {
        chart.getData().clear();
        if (costs == null) return;
        List<String> categories = costs.byDay().keySet().stream().map(LocalDate::toString).toList();
        days.setCategories(FXCollections.observableArrayList(categories));
        for (String model : costs.models()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(model);
            for (Map.Entry<LocalDate, Map<String, BigDecimal>> day : costs.byDay().entrySet()) {
                BigDecimal amount = day.getValue().get(model);
                // the chart draws doubles; the amounts themselves stay BigDecimal everywhere else
                if (amount != null) series.getData().add(new XYChart.Data<>(day.getKey().toString(), amount.doubleValue()));
            }
            chart.getData().add(series);
        }
        int unknown = costs.unknownByDay().values().stream().mapToInt(Integer::intValue).sum();
        note.setVisible(unknown > 0);
        note.setText(unknown == 0 ? "" : unknown + " request" + (unknown == 1 ? "" : "s") + " of unknown price on "
                + String.join(", ", costs.unknownByDay().keySet().stream().map(LocalDate::toString).toList())
                + " are not in the bars: set their price in the price editor.");
    }

    StackedBarChart<String, Number> chart() { return chart; }
}
