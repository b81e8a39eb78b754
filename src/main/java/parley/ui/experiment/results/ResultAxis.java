package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import parley.experiment.Cell;
import parley.experiment.Experiment;
import parley.experiment.ParamAxis;

/** One way to tell cells apart (the model, a swept parameter, the input row, the repeat) and each cell's value on it. */
public record ResultAxis(String name, Function<Cell, String> value) {
    public static final String MODEL = "model";

    /** The experiment's axes: the model first, then each swept parameter, the inputs and the repeats when there are several. */
    public static List<ResultAxis> of(Experiment experiment) {
        List<ResultAxis> axes = new ArrayList<>();
        axes.add(new ResultAxis(MODEL, cell -> cell.target().label()));
        for (ParamAxis param : experiment.params()) {
            axes.add(new ResultAxis(param.name(), cell -> {
                var value = cell.params().get(param.name());
                return value == null ? "omit" : value.label();
            }));
        }
        if (experiment.inputs().size() > 1) axes.add(new ResultAxis("input", ResultAxis::input));
        if (experiment.repeats() > 1) axes.add(new ResultAxis("repeat", cell -> "#" + cell.repeat()));
        return List.copyOf(axes);
    }

    /** The distinct values of this axis over the cells, in the cells' order. */
    public List<String> values(List<Cell> cells) {
        return cells.stream().map(value).distinct().toList();
    }

    /** A cell's values on all axes but {@code except}, as one key: the cells of a row in the columns view share it. */
    public static String rest(List<ResultAxis> axes, ResultAxis except, Cell cell) {
        return axes.stream().filter(a -> !a.name().equals(except.name())).map(a -> a.value().apply(cell))
                .collect(Collectors.joining(" · "));
    }

    static String input(Cell cell) {
        return cell.vars().values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return name; }
}
