package parley.experiment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the Markdown and HTML reports say alike: the line under the title, role names, a reply's start. */
final class ExperimentReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExperimentReport() {}

    /** "2026-12-07 11:00 UTC · 6 cells: 5 done, 1 failed · cost $0.0012". */
    static String subtitle(SavedExperiment saved) {
        Experiment e = saved.experiment();
        long failed = saved.results().stream().filter(r -> r.status() == CellStatus.FAILED).count();
        String when = e.createdAt() == null ? "" : WHEN.format(e.createdAt()) + " · ";
        return when + e.cellCount() + (e.cellCount() == 1 ? " cell: " : " cells: ") + saved.results().size() + " done, "
                + failed + " failed · cost " + ExperimentTable.totalCost(saved);
    }

    static String role(String role) {
        return role == null || role.isEmpty() ? "Message" : role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }

    /** The text on one line, cut at {@code chars} with an ellipsis. */
    static String start(String text, int chars) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= chars ? line : line.substring(0, chars).stripTrailing() + "…";
    }
}
