package parley.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross product of an experiment's axes, in the order the CLI prints and the window lists them:
 * models as given, then parameter values (the first axis varies slowest), then input rows, then repeats.
 */
public final class Cells {
    private Cells() {}

    public static List<Cell> of(Experiment experiment) {
        List<Cell> cells = new ArrayList<>(experiment.cellCount());
        for (Target target : experiment.targets()) {
            for (Map<String, ParamValue> params : combinations(experiment.params())) {
                for (InputRow row : experiment.inputs()) {
                    for (int repeat = 1; repeat <= experiment.repeats(); repeat++) {
                        cells.add(new Cell(cells.size(), target, params, row, repeat));
                    }
                }
            }
        }
        return cells;
    }

    private static List<Map<String, ParamValue>> combinations(List<ParamAxis> axes) {
        List<Map<String, ParamValue>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        for (ParamAxis axis : axes) {
            List<Map<String, ParamValue>> next = new ArrayList<>();
            for (Map<String, ParamValue> partial : result) {
                for (ParamValue value : axis.values()) {
                    Map<String, ParamValue> combined = new LinkedHashMap<>(partial);
                    combined.put(axis.name(), value);
                    next.add(combined);
                }
            }
            result = next;
        }
        return result;
    }
}
