package parley.ui.usage;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import parley.ui.Dialogs;
import parley.ui.HoverTooltip;
import parley.ui.PartsInTurn;
import parley.usage.BudgetCheck;
import parley.usage.BudgetSettings;
import parley.usage.GroupBy;
import parley.usage.Money;
import parley.usage.PriceRow;
import parley.usage.UsageTotal;

/** The usage panel: totals, budget, a table by model, day or provider with filters, the chart, export, prices. */
public final class UsageView extends ScrollPane {
    private final UsageViewModel vm;
    private final Dialogs dialogs;
    private final VBox content = new VBox(12);
    private TableView<UsageTotal> totalsTable;
    private TableView<PriceRow> priceTable;
    private CostChart costChart;

    public UsageView(UsageViewModel vm, Dialogs dialogs) {
        this.dialogs = dialogs;
        this.vm = vm;
        setId("usage-view");
        getStyleClass().addAll("usage-view", Tweaks.EDGE_TO_EDGE);
        getStylesheets().add(UsageView.class.getResource("usage.css").toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(12));
        content.getStyleClass().add("usage-content");
        content.getChildren().add(header());
        setContent(content);
        PartsInTurn.run(content, stepsOnceShown());
    }

    /**
     * The panel below its header, a step a frame once shown: all of it styled and laid out in one
     * pulse passed 50 ms, and a table's first rows cost as much as the table, so they come a frame after it.
     */
    private List<Runnable> stepsOnceShown() {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> content.getChildren().addAll(scopeChoice(), offlineMessage(), budgetMessage()));
        steps.add(() -> content.getChildren().addAll(totals(), new Separator()));
        VBox filters = new VBox(8);
        List<Node> filterRows = new ArrayList<>();
        steps.add(() -> filterRows.addAll(groupingAndFilters()));
        steps.add(() -> content.getChildren().add(filters));
        for (int row = 0; row < 3; row++) steps.add(() -> filters.getChildren().add(filterRows.removeFirst()));
        steps.addAll(PartsInTurn.buildThenAdd(content, this::totalsTable));
        steps.add(() -> fill(totalsTable, vm.groups(), new Label("No requests yet")));
        steps.addAll(PartsInTurn.buildThenAdd(content, this::chartSection));
        steps.add(() -> vm.dailyCostsProperty().subscribe(costChart::show));
        steps.addAll(PartsInTurn.buildThenAdd(content, () -> new VBox(12, new Separator(), priceSection())));
        steps.add(() -> fill(priceTable, vm.prices(), null));
        steps.addAll(PartsInTurn.buildThenAdd(content, () -> new VBox(12, new Separator(), budgetSection())));
        steps.add(() -> content.getChildren().add(message()));
        return steps;
    }

    private Node header() {
        Label title = new Label("Usage and cost");
        title.getStyleClass().add(Styles.TITLE_4);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("usage-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        HoverTooltip.install(refresh, "Read the ledger again");
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button("Export CSV", new FontIcon(Feather.DOWNLOAD));
        export.setId("usage-export");
        export.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        HoverTooltip.install(export, "Every request that matches the filters, one line each");
        export.setOnAction(e -> chooseExportFile());
        HBox row = new HBox(8, title, grow(), export, refresh);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Me or the team: shown only when a team workspace is set up. */
    private Node scopeChoice() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton me = scopeButton("Me", UsageViewModel.Scope.ME, group, Styles.LEFT_PILL);
        ToggleButton team = scopeButton("Team", UsageViewModel.Scope.TEAM, group, Styles.RIGHT_PILL);
        HoverTooltip.install(me, "My requests on the team's ledger, and those not sent to it yet");
        HoverTooltip.install(team, "Every member's requests on the team's ledger");
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) old.setSelected(true); else vm.scope((UsageViewModel.Scope) now.getUserData());
        });
        HBox row = new HBox(me, team);
        row.setId("usage-scope");
        row.visibleProperty().bind(vm.teamAvailableProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private ToggleButton scopeButton(String text, UsageViewModel.Scope scope, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setId("usage-scope-" + scope.name().toLowerCase());
        b.setUserData(scope);
        b.setToggleGroup(group);
        b.getStyleClass().addAll(Styles.SMALL, pill);
        b.setSelected(vm.scopeProperty().get() == scope);
        return b;
    }

    private Node offlineMessage() {
        Label label = new Label();
        label.setId("usage-team-offline");
        label.setWrapText(true);
        label.getStyleClass().add("budget-warning");
        label.textProperty().bind(vm.offlineTextProperty());
        label.visibleProperty().bind(vm.offlineTextProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node budgetMessage() {
        Label label = new Label();
        label.setId("usage-budget-status");
        label.setWrapText(true);
        label.getStyleClass().add("budget-warning");
        label.textProperty().bind(vm.budgetStatusProperty().map(BudgetCheck::message));
        label.visibleProperty().bind(vm.budgetStatusProperty().map(c -> c.verdict() != BudgetCheck.Verdict.OK));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node totals() {
        GridPane grid = new GridPane(12, 4);
        grid.getStyleClass().add("usage-totals");
        addTotal(grid, 0, "This conversation", vm.conversationTextProperty(), "usage-total-conversation");
        addTotal(grid, 1, "Today", vm.todayTextProperty(), "usage-total-today");
        addTotal(grid, 2, "This month", vm.monthTextProperty(), "usage-total-month");
        addTotal(grid, 3, "All time", vm.allTimeTextProperty(), "usage-total-all");
        return grid;
    }

    private static void addTotal(GridPane grid, int row, String name, ReadOnlyStringProperty value, String id) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label amount = new Label();
        amount.setId(id);
        amount.getStyleClass().add("usage-amount");
        amount.textProperty().bind(value);
        amount.setWrapText(true);
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, label, amount);
    }

    /** By model, day, provider or member, and the filters. */
    private List<Node> groupingAndFilters() {
        ToggleGroup group = new ToggleGroup();
        HBox by = new HBox();
        by.getStyleClass().add("usage-group-by");
        for (GroupBy g : GroupBy.values()) {
            ToggleButton b = new ToggleButton("By " + g.label());
            b.setId("usage-by-" + g.label());
            b.setUserData(g);
            b.setToggleGroup(group);
            b.getStyleClass().add(Styles.SMALL);
            b.setSelected(vm.groupByProperty().get() == g);
            by.getChildren().add(b);
        }
        by.getChildren().getFirst().getStyleClass().add(Styles.LEFT_PILL);
        by.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        Node byProvider = by.getChildren().get(2);
        Node byMember = by.getChildren().getLast();
        byMember.getStyleClass().add(Styles.RIGHT_PILL);
        // by member only with a team; without one the provider button ends the row
        byMember.visibleProperty().bind(vm.teamAvailableProperty());
        byMember.managedProperty().bind(byMember.visibleProperty());
        vm.teamAvailableProperty().subscribe(team -> {
            byProvider.getStyleClass().removeAll(Styles.CENTER_PILL, Styles.RIGHT_PILL);
            byProvider.getStyleClass().add(team ? Styles.CENTER_PILL : Styles.RIGHT_PILL);
        });
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) old.setSelected(true); else vm.groupBy((GroupBy) now.getUserData());
        });

        ComboBox<String> provider = filterBox("All providers", vm.providerChoices());
        provider.setId("usage-filter-provider");
        ComboBox<String> model = filterBox("All models", vm.modelChoices());
        model.setId("usage-filter-model");
        DatePicker from = new DatePicker();
        from.setId("usage-filter-from");
        from.setPromptText("From");
        DatePicker to = new DatePicker();
        to.setId("usage-filter-to");
        to.setPromptText("To");
        for (DatePicker d : new DatePicker[] {from, to}) d.setPrefWidth(130);
        Runnable apply = () -> vm.filter(provider.getValue(), model.getValue(), from.getValue(), to.getValue());
        provider.setOnAction(e -> apply.run());
        model.setOnAction(e -> apply.run());
        from.setOnAction(e -> apply.run());
        to.setOnAction(e -> apply.run());
        Button clear = new Button("Clear");
        clear.setId("usage-filter-clear");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> {
            provider.setValue(null);
            model.setValue(null);
            from.setValue(null);
            to.setValue(null);
            apply.run();
        });
        HBox filters1 = new HBox(6, provider, model);
        HBox filters2 = new HBox(6, from, to, clear);
        filters2.setAlignment(Pos.CENTER_LEFT);
        return List.of(by, filters1, filters2);
    }

    /** Gives a table its rows; until then it shows nothing, not even its placeholder. */
    private static <T> void fill(TableView<T> table, ObservableList<T> items, Node placeholder) {
        table.setPlaceholder(placeholder);
        table.setItems(items);
    }

    private Node totalsTable() {
        TableView<UsageTotal> table = new TableView<>();
        totalsTable = table;
        table.setPlaceholder(new Region());
        table.setId("usage-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(200);
        TableColumn<UsageTotal, String> key = column("", t -> UsageViewModel.shortName(t.key()));
        key.textProperty().bind(vm.groupByProperty().map(GroupBy::label));
        key.setPrefWidth(150);
        TableColumn<UsageTotal, String> tokens = column("tokens", t -> UsageViewModel.compact(t.tokens().total()));
        TableColumn<UsageTotal, String> cost = column("cost", t -> Money.format(t.cost()));
        tokens.setPrefWidth(60);
        cost.setPrefWidth(120);
        List.of(tokens, cost).forEach(c -> c.getStyleClass().add("number-column"));
        table.getColumns().addAll(List.of(key, tokens, cost));
        detailsOnHover(table, UsageViewModel::details);
        return table;
    }

    /** A row's details in its tooltip, made when the pointer arrives: a Tooltip per row made as rows filled slowed the panel's first show. */
    private static <T> void detailsOnHover(TableView<T> table, Function<T, String> details) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            HoverTooltip.follow(row, () -> row.getItem() == null ? null : details.apply(row.getItem()));
            return row;
        });
    }

    private static ComboBox<String> filterBox(String prompt, ObservableList<String> items) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(100);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private Node chartSection() {
        CostChart chart = new CostChart();
        costChart = chart;
        Label title = new Label("Cost per day, US dollars");
        title.getStyleClass().add(Styles.TITLE_4);
        return new VBox(4, title, chart);
    }

    private Node priceSection() {
        Label title = new Label("Prices");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("US dollars per million tokens. Your own prices win over the provider's list,"
                + " which wins over the catalog. Models on this computer cost nothing.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        TableView<PriceRow> table = new TableView<>();
        priceTable = table;
        table.setPlaceholder(new Region());
        table.setId("price-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        TableColumn<PriceRow, String> model = column("model", r -> UsageViewModel.shortName(r.model()));
        TableColumn<PriceRow, String> amounts = column("in / out (cached)", UsageViewModel::amounts);
        TableColumn<PriceRow, String> source = column("from", r -> r.price().source().label());
        model.setPrefWidth(130);
        amounts.setPrefWidth(130);
        source.setPrefWidth(80);
        amounts.getStyleClass().add("number-column");
        table.getColumns().addAll(List.of(model, amounts, source));
        detailsOnHover(table, UsageViewModel::details);

        TextField modelId = field("model id", "price-model");
        TextField provider = field("provider (empty: any)", "price-provider");
        TextField input = field("input", "price-input");
        TextField output = field("output", "price-output");
        TextField cached = field("cached", "price-cached");
        table.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r == null) return;
            modelId.setText(r.model());
            provider.setText(r.provider());
            input.setText(r.price().input().toPlainString());
            output.setText(r.price().output().toPlainString());
            cached.setText(r.price().cachedInput() == null ? "" : r.price().cachedInput().toPlainString());
        });
        Button set = new Button("Set my price");
        set.setId("price-set");
        set.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        set.setOnAction(e -> vm.setPrice(modelId.getText(), provider.getText(), input.getText(), output.getText(), cached.getText()));
        Button remove = new Button("Remove my price");
        remove.setId("price-remove");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        remove.setOnAction(e -> vm.removePrice(table.getSelectionModel().getSelectedItem()));
        HBox ids = new HBox(6, modelId, provider);
        HBox prices = new HBox(6, input, output, cached);
        HBox buttons = new HBox(6, set, remove);
        return new VBox(8, title, hint, table, ids, prices, buttons);
    }

    private Node budgetSection() {
        Label title = new Label("Budget");
        title.getStyleClass().add(Styles.TITLE_4);
        TextField daily = field("none", "budget-daily");
        TextField monthly = field("none", "budget-monthly");
        ToggleSwitch hard = new ToggleSwitch("Refuse sends past a limit (else ask)");
        hard.setId("budget-hard-stop");
        vm.budgetProperty().subscribe(b -> {
            daily.setText(b.dailyLimit() == null ? "" : b.dailyLimit().toPlainString());
            monthly.setText(b.monthlyLimit() == null ? "" : b.monthlyLimit().toPlainString());
            hard.setSelected(b.hardStop());
        });
        Button save = new Button("Save budget");
        save.setId("budget-save");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(e -> vm.saveBudget(daily.getText(), monthly.getText(), hard.isSelected()));
        Label hint = new Label("A warning at 80% of a limit; before a send whose largest possible cost would pass"
                + " a limit, a question or a refusal.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        GridPane limits = new GridPane(8, 6);
        limits.addRow(0, new Label("Daily limit, $"), daily);
        limits.addRow(1, new Label("Monthly limit, $"), monthly);
        GridPane.setHgrow(daily, Priority.ALWAYS);
        GridPane.setHgrow(monthly, Priority.ALWAYS);
        return new VBox(8, title, limits, hard, save, hint);
    }

    private Node message() {
        Label label = new Label();
        label.setId("usage-message");
        label.setWrapText(true);
        label.textProperty().bind(vm.messageProperty());
        return label;
    }

    private void chooseExportFile() {
        dialogs.chooseSave("Export usage as CSV", "parley-usage.csv").ifPresent(vm::exportCsv);
    }

    private static TextField field(String prompt, String id) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setId(id);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
