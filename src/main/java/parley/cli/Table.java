package parley.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as aligned columns; {@code align} has one letter per column: L left, R right. */
final class Table {
    private Table() {}

    static void print(List<String[]> rows, String align, PrintStream out) {
        int[] width = new int[align.length()];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append("  ");
                String fill = " ".repeat(width[i] - r[i].length());
                line.append(align.charAt(i) == 'R' ? fill + r[i] : r[i] + fill);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
