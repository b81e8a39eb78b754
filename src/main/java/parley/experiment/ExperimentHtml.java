package parley.experiment;

import java.util.List;
import java.util.Map;

/**
 * A saved experiment as one standalone HTML page: the prompt, the grid of whole replies (a row per
 * model, a column per parameter values and input) and the table of every cell's figures. Its style is
 * inline and it has no script, link or image: it opens the same with no network. Every text from the
 * experiment is escaped, so a reply's markup or addresses show as text.
 */
public final class ExperimentHtml {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            .sub{color:#59636e;margin:0 0 16px}
            .prompt p{margin:4px 0;white-space:pre-wrap}
            table{border-collapse:collapse;margin:8px 0}
            th,td{border:1px solid #d1d9e0;padding:6px 8px;vertical-align:top;text-align:left}
            th{background:#f6f8fa;position:sticky;top:0}
            .grid td{min-width:220px;max-width:420px}
            .reply{white-space:pre-wrap;margin:0 0 6px}
            .figures{color:#59636e;font-size:12px;margin:0 0 10px}
            .failed{color:#cf222e}.cells td{font-variant-numeric:tabular-nums;white-space:nowrap}
            .cells td.error{white-space:normal;min-width:200px}
            @media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}
            th{background:#161b22}th,td{border-color:#30363d}.sub,.figures{color:#9198a1}}
            """;

    private ExperimentHtml() {}

    public static String write(SavedExperiment saved) {
        Experiment e = saved.experiment();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(e.name())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(e.name())).append("</h1>\n<p class=\"sub\">")
                .append(escape(ExperimentReport.subtitle(saved))).append("</p>\n");
        prompt(html, e.prompt());
        html.append("<h2>Grid</h2>\n");
        grid(html, saved);
        html.append("<h2>Cells</h2>\n");
        table(html, ExperimentTable.headers(e), ExperimentTable.rows(saved));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void prompt(StringBuilder html, Prompt prompt) {
        html.append("<h2>Prompt</h2>\n<div class=\"prompt\">\n");
        if (prompt.system() != null && !prompt.system().isBlank()) {
            paragraph(html, "System", prompt.system());
        }
        prompt.history().forEach(m -> paragraph(html, ExperimentReport.role(m.role()), m.content()));
        paragraph(html, "User", prompt.user());
        html.append("</div>\n");
    }

    private static void paragraph(StringBuilder html, String who, String text) {
        html.append("<p><b>").append(escape(who)).append(":</b> ").append(escape(text == null ? "" : text.strip()))
                .append("</p>\n");
    }

    private static void grid(StringBuilder html, SavedExperiment saved) {
        ExperimentGrid grid = ExperimentGrid.of(saved.experiment());
        Map<Integer, CellResult> results = ExperimentTable.byCell(saved);
        html.append("<table class=\"grid\">\n<tr><th>model</th>");
        grid.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>\n");
        for (String row : grid.rows()) {
            html.append("<tr><th>").append(escape(row)).append("</th>");
            for (String column : grid.columns()) {
                html.append("<td>");
                grid.at(row, column).forEach(cell -> place(html, cell, results.get(cell.index())));
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void place(StringBuilder html, Cell cell, CellResult r) {
        if (r == null) {
            html.append("<p class=\"figures\">not run</p>");
            return;
        }
        if (!r.content().isEmpty()) {
            html.append("<div class=\"reply\">").append(escape(r.content())).append("</div>");
        }
        StringBuilder figures = new StringBuilder(cell.repeat() > 1 ? "run " + cell.repeat() + " · " : "")
                .append(ExperimentTable.status(r));
        if (r.usage().completionTokens() != null) {
            figures.append(" · ").append(r.usage().completionTokens()).append(" tokens");
        }
        figures.append(" · ").append(r.durationMillis()).append(" ms");
        if (r.costUsd() != null) {
            figures.append(" · $").append(ExperimentTable.cost(r.costUsd()));
        }
        if (r.error() != null) {
            figures.append(" · ").append(r.error().message());
        }
        html.append("<p class=\"figures").append(r.status() == CellStatus.FAILED ? " failed" : "").append("\">")
                .append(escape(figures.toString())).append("</p>");
    }

    private static void table(StringBuilder html, List<String> headers, List<List<String>> rows) {
        html.append("<table class=\"cells\">\n<tr>");
        headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == row.size() - 1 ? "<td class=\"error\">" : "<td>").append(escape(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
