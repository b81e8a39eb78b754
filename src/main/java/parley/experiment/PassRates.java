package parley.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How many checked cells passed every check, per column or row of a view: the cells are grouped by
 * {@code axis} (a model's label, a parameter's value, an input row), in cell order. A cell counts once
 * its checks have run (it has verdicts).
 */
public final class PassRates {
    /** {@code passed} of {@code checked} cells passed all their checks. */
    public record Rate(int passed, int checked) {
        public Double fraction() { return checked == 0 ? null : (double) passed / checked; }
    }

    private PassRates() {}

    public static Map<String, Rate> by(List<Cell> cells, List<CellResult> results, Function<Cell, String> axis) {
        Map<Integer, CellResult> byCell = new LinkedHashMap<>();
        results.forEach(r -> byCell.put(r.cell(), r));
        Map<String, Rate> rates = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String key = axis.apply(cell);
            Rate rate = rates.getOrDefault(key, new Rate(0, 0));
            CellResult result = byCell.get(cell.index());
            if (result != null && !result.verdicts().isEmpty()) {
                boolean passed = result.verdicts().stream().allMatch(Verdict::passed);
                rate = new Rate(rate.passed() + (passed ? 1 : 0), rate.checked() + 1);
            }
            rates.put(key, rate);
        }
        return rates;
    }

    /** Per model. */
    public static Function<Cell, String> byModel() { return cell -> cell.target().label(); }

    /** Per value of one swept parameter. */
    public static Function<Cell, String> byParam(String name) {
        return cell -> name + "=" + cell.params().getOrDefault(name, ParamValue.OMIT).label();
    }

    /** Per input row (its values). */
    public static Function<Cell, String> byRow() { return cell -> cell.vars().values().toString(); }
}
