package parley.ui.experiment.results;

import java.util.Locale;

/** What a text filter searches in a cell: its model and provider, parameter values, inputs, reply and error, in lower case. */
final class CellText {
    private CellText() {}

    static String of(CellState s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.cell().target().label()).append('\n');
        s.cell().params().forEach((k, v) -> sb.append(k).append('=').append(v.label()).append('\n'));
        s.cell().vars().values().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append(s.replyNow()).append('\n');
        var result = s.resultProperty().get();
        if (result != null && result.error() != null) sb.append(result.error().message());
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
