package parley.capability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capability table as data: rows read from a tab-separated text (see {@code capabilities.tsv}),
 * matched by provider id and model-id pattern; the later of two matching rows wins. Pure.
 */
public final class CapabilityTable {
    private static final Map<String, List<String>> GROUPS = Map.of("sampling", List.of(Parameters.TEMPERATURE,
            Parameters.TOP_P, Parameters.FREQUENCY_PENALTY, Parameters.PRESENCE_PENALTY));

    private final List<CapabilityRow> rows;

    private CapabilityTable(List<CapabilityRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads a table; {@link IllegalArgumentException} naming the line for a row with too few columns,
     * an unknown parameter or status, or an ignored or refused row without a reason.
     */
    public static CapabilityTable parse(String text) {
        List<CapabilityRow> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                rows.add(row(line.split("\t", -1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("capability table line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new CapabilityTable(rows);
    }

    /** The table in a class-path resource. */
    public static CapabilityTable resource(String name) {
        try (InputStream in = CapabilityTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the capability table " + name + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the model {@code model} of provider {@code providerId} does with each parameter. */
    public ModelCapabilities lookup(String providerId, String model) {
        return lookup(providerId, model, false);
    }

    /** As {@link #lookup(String, String)}, with {@code thinking} on when the request turns the model's thinking on. */
    public ModelCapabilities lookup(String providerId, String model, boolean thinking) {
        Map<String, Support> known = new LinkedHashMap<>();
        for (CapabilityRow row : rows) {
            if (row.matches(providerId, model, thinking)) {
                for (String parameter : row.parameters()) {
                    if (row.support().accepted()) {
                        known.remove(parameter);
                    } else {
                        known.put(parameter, row.support());
                    }
                }
            }
        }
        return new ModelCapabilities(providerId, model, known);
    }

    int size() {
        return rows.size();
    }

    private static CapabilityRow row(String[] columns) {
        if (columns.length < 4) {
            throw new IllegalArgumentException("expected provider, model pattern, parameters, status and a reason,"
                    + " separated by tabs; found " + columns.length + " columns");
        }
        List<String> parameters = new ArrayList<>();
        for (String name : columns[2].split(",")) {
            String trimmed = name.strip();
            List<String> group = GROUPS.get(trimmed);
            if (group != null) {
                parameters.addAll(group);
            } else if (Parameters.known(trimmed)) {
                parameters.add(trimmed);
            } else {
                throw new IllegalArgumentException("unknown parameter '" + trimmed + "': use one of "
                        + Parameters.ALL + " or " + GROUPS.keySet());
            }
        }
        String reason = columns.length > 4 ? columns[4].strip() : "";
        return CapabilityRow.of(columns[0].strip(), columns[1].strip(), parameters, support(columns[3], reason));
    }

    private static Support support(String status, String reason) {
        String wanted = status.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("accepted") && reason.isEmpty()) {
            throw new IllegalArgumentException("a parameter that is " + wanted + " needs a reason");
        }
        return switch (wanted) {
            case "accepted" -> Support.ACCEPTED;
            case "ignored" -> new Support.Ignored(reason);
            case "refused" -> new Support.Refused(reason);
            default -> throw new IllegalArgumentException("unknown status '" + status + "': use one of "
                    + Arrays.asList("accepted", "ignored", "refused"));
        };
    }
}
