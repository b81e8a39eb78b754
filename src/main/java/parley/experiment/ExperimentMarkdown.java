package parley.experiment;

import java.util.List;
import java.util.Map;

/**
 * A saved experiment as Markdown: the prompt, the grid (a row per model, a column per parameter
 * values and input; each place the start of its first reply) and the table of every cell's figures.
 */
public final class ExperimentMarkdown {
    private static final int GRID_CHARS = 120;

    private ExperimentMarkdown() {}

    public static String write(SavedExperiment saved) {
        Experiment e = saved.experiment();
        StringBuilder md = new StringBuilder("# ").append(line(e.name())).append("\n\n");
        md.append('*').append(ExperimentReport.subtitle(saved)).append("*\n\n");
        prompt(md, e.prompt());
        md.append("## Grid\n\n");
        grid(md, saved);
        md.append("\n## Cells\n\n");
        table(md, ExperimentTable.headers(e), ExperimentTable.rows(saved));
        return md.toString();
    }

    private static void prompt(StringBuilder md, Prompt prompt) {
        md.append("## Prompt\n\n");
        if (prompt.system() != null && !prompt.system().isBlank()) {
            md.append("**System:** ").append(prompt.system().strip()).append("\n\n");
        }
        prompt.history().forEach(m -> md.append("**").append(ExperimentReport.role(m.role())).append(":** ")
                .append(m.content() == null ? "" : m.content().strip()).append("\n\n"));
        md.append("**User:** ").append(prompt.user() == null ? "" : prompt.user().strip()).append("\n\n");
    }

    private static void grid(StringBuilder md, SavedExperiment saved) {
        ExperimentGrid grid = ExperimentGrid.of(saved.experiment());
        Map<Integer, CellResult> results = ExperimentTable.byCell(saved);
        md.append("| model |");
        grid.columns().forEach(c -> md.append(' ').append(cell(c)).append(" |"));
        md.append("\n|---|").append("---|".repeat(grid.columns().size())).append('\n');
        for (String row : grid.rows()) {
            md.append("| ").append(cell(row)).append(" |");
            for (String column : grid.columns()) {
                List<Cell> cells = grid.at(row, column);
                md.append(' ').append(cells.isEmpty() ? "" : cell(place(cells, results))).append(" |");
            }
            md.append('\n');
        }
    }

    /** The first reply's start, or its status when it has no reply; "(k runs)" after it for repeats. */
    private static String place(List<Cell> cells, Map<Integer, CellResult> results) {
        CellResult first = results.get(cells.getFirst().index());
        String text = first == null ? "*not run*" : first.content().isBlank() ? "*" + ExperimentTable.status(first) + "*"
                : ExperimentReport.start(first.content(), GRID_CHARS);
        return cells.size() > 1 ? text + " (" + cells.size() + " runs)" : text;
    }

    private static void table(StringBuilder md, List<String> headers, List<List<String>> rows) {
        md.append('|');
        headers.forEach(h -> md.append(' ').append(cell(h)).append(" |"));
        md.append("\n|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(v -> md.append(' ').append(cell(v)).append(" |"));
            md.append('\n');
        }
    }

    /** A table cell's text on one line, its pipes escaped and its markup shown as text (replies come from servers). */
    private static String cell(String text) {
        return line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|");
    }

    private static String line(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
