package parley.prompt;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed from one version of a prompt to another: a unified line diff of the system text and
 * of the text (empty when unchanged), the model, and each parameter added, removed or changed.
 */
public record PromptDiff(PromptVersion from, PromptVersion to, List<String> systemLines, List<String> textLines,
                         Change model, List<Change> params) {
    /** One value before and after; null stands for "not set". */
    public record Change(String name, Object before, Object after) {
        public String describe() {
            return name + ": " + shown(before) + " -> " + shown(after);
        }

        private static String shown(Object value) {
            return value == null ? "(none)" : String.valueOf(value);
        }
    }

    public PromptDiff {
        systemLines = List.copyOf(systemLines);
        textLines = List.copyOf(textLines);
        params = List.copyOf(params);
    }

    public static PromptDiff between(PromptVersion from, PromptVersion to) {
        String a = "v" + from.version();
        String b = "v" + to.version();
        Change model = Objects.equals(from.model(), to.model()) ? null : new Change("model", from.model(), to.model());
        List<Change> params = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(from.params().keySet());
        names.addAll(to.params().keySet());
        for (String name : names) {
            Object before = from.params().get(name);
            Object after = to.params().get(name);
            if (!Objects.equals(before, after)) params.add(new Change(name, before, after));
        }
        return new PromptDiff(from, to, lines("system " + a, "system " + b, from.system(), to.system()),
                lines("text " + a, "text " + b, from.text(), to.text()), model, params);
    }

    public boolean empty() {
        return systemLines.isEmpty() && textLines.isEmpty() && model == null && params.isEmpty();
    }

    /** The whole diff as text: the line diffs, then the model and parameter changes. */
    public String format() {
        StringBuilder out = new StringBuilder();
        systemLines.forEach(l -> out.append(l).append('\n'));
        textLines.forEach(l -> out.append(l).append('\n'));
        if (model != null) out.append(model.describe()).append('\n');
        params.forEach(p -> out.append("param ").append(p.describe()).append('\n'));
        if (empty()) out.append("v").append(from.version()).append(" and v").append(to.version()).append(" hold the same prompt.\n");
        return out.toString();
    }

    private static List<String> lines(String nameA, String nameB, String a, String b) {
        if (Objects.equals(a, b)) return List.of();
        List<String> before = split(a);
        List<String> after = split(b);
        return UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, before, DiffUtils.diff(before, after), 2);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
