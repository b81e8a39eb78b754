package parley.experiment;

import java.time.Instant;
import java.util.List;
import parley.chat.ChatSettings;

/**
 * One prompt run across axes: models ({@code targets}), parameter values, input rows and repeats.
 * {@code base} holds every parameter not swept (and the system prompt, stream and extended fields);
 * a swept parameter's value replaces the base's in each cell. {@code concurrency} is the limit of
 * cells in flight per provider. The cells are the cross product, in {@link Cells#of} order.
 */
public record Experiment(String id, String name, Prompt prompt, ChatSettings base, List<Target> targets,
                         List<ParamAxis> params, List<InputRow> inputs, int repeats, int concurrency,
                         List<Check> checks, Instant createdAt) {
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Over this many cells the window asks first and the CLI wants {@code --yes}. */
    public static final int CONFIRM_ABOVE = 200;

    public Experiment {
        targets = List.copyOf(targets);
        params = List.copyOf(params);
        inputs = inputs == null || inputs.isEmpty() ? List.of(InputRow.NONE) : List.copyOf(inputs);
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be 1 or more");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more");
        }
    }

    public int cellCount() {
        long count = (long) targets.size() * inputs.size() * repeats;
        for (ParamAxis axis : params) {
            count *= axis.values().size();
        }
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    public Experiment withName(String value) {
        return new Experiment(id, value, prompt, base, targets, params, inputs, repeats, concurrency, checks, createdAt);
    }
}
