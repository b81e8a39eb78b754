package parley.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import parley.api.JsonSchemaCheck;
import parley.api.RequestValidator;

/**
 * Everything wrong with an experiment before anything is sent: {@code errors} keep it from running,
 * {@code warnings} do not (a column no variable uses). Each is one line that says what to change.
 */
public record ExperimentProblems(List<String> errors, List<String> warnings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More cells than this is surely a mistake in the axes (and would not fit in memory as requests). */
    public static final int MAX_CELLS = 100_000;

    public ExperimentProblems {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() { return errors.isEmpty(); }

    /** The problems of the experiment itself, its models' reach not checked. */
    public static ExperimentProblems of(Experiment experiment) {
        return of(experiment, target -> null);
    }

    /**
     * The problems of the experiment; {@code reach} answers null when a model can be sent to, else why
     * not (a provider without a key), and is asked once per provider.
     */
    public static ExperimentProblems of(Experiment experiment, Function<Target, String> reach) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        checkTargets(experiment, reach, errors);
        checkAxes(experiment, errors);
        checkPrompt(experiment, errors, warnings);
        checkChecks(experiment, errors);
        long cells = (long) experiment.cellCount();
        if (cells > MAX_CELLS) {
            errors.add(String.format(java.util.Locale.ROOT, "%,d cells is more than %,d: take values out of the axes or fewer repeats",
                    cells, MAX_CELLS));
        }
        if (errors.isEmpty()) {
            checkRequests(experiment, errors);
        }
        return new ExperimentProblems(errors, warnings);
    }

    private static void checkTargets(Experiment experiment, Function<Target, String> reach, List<String> errors) {
        if (experiment.targets().isEmpty()) {
            errors.add("no model: add at least one model to run the prompt against");
        }
        Set<String> seen = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (Target target : experiment.targets()) {
            if (target.model().isBlank()) {
                errors.add("a model of " + target.provider() + " has no name: give the model's id");
            } else if (!seen.add(target.label() + "|" + target.baseUrl())) {
                errors.add(target.label() + " is given twice: give each model once (use repeats to run it again)");
            }
            if (providers.add(target.provider() + "|" + target.baseUrl())) {
                String problem = reach.apply(target);
                if (problem != null) {
                    errors.add(problem);
                }
            }
        }
    }

    private static void checkAxes(Experiment experiment, List<String> errors) {
        Set<String> names = new HashSet<>();
        for (ParamAxis axis : experiment.params()) {
            if (!names.add(axis.name())) {
                errors.add(axis.name() + " is swept twice: give all its values in one axis");
                continue;
            }
            try {
                ParamAxes.checked(ParamAxes.parameter(axis.name()), axis.values());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
    }

    private static void checkPrompt(Experiment experiment, List<String> errors, List<String> warnings) {
        Prompt prompt = experiment.prompt();
        boolean noUser = prompt.user() == null || prompt.user().isBlank();
        if (noUser && prompt.history().isEmpty()) {
            errors.add("the prompt is empty: write the user message");
        }
        List<String> columns = columns(experiment.inputs());
        errors.addAll(Variables.missing(prompt, columns));
        warnings.addAll(Variables.unused(prompt, columns));
        Set<String> used = Variables.used(prompt);
        for (int i = 0; i < experiment.inputs().size(); i++) {
            InputRow row = experiment.inputs().get(i);
            for (String name : used) {
                if (columns.contains(name) && !row.values().containsKey(name)) {
                    errors.add("input row " + (i + 1) + " has no value for " + name + ": fill it in (it may be empty text)");
                }
            }
        }
    }

    /** The column names of the inputs, in order of first appearance. */
    public static List<String> columns(List<InputRow> inputs) {
        Set<String> columns = new LinkedHashSet<>();
        inputs.forEach(row -> columns.addAll(row.values().keySet()));
        return List.copyOf(columns);
    }

    private static void checkChecks(Experiment experiment, List<String> errors) {
        for (int i = 0; i < experiment.checks().size(); i++) {
            String at = "check " + (i + 1) + ": ";
            switch (experiment.checks().get(i)) {
                case Check.Contains c -> requireText(c.text(), at + "contains", errors);
                case Check.NotContains c -> requireText(c.text(), at + "does not contain", errors);
                case Check.Matches m -> checkRegex(m.regex(), at, errors);
                case Check.ValidJson v -> { }
                case Check.MatchesSchema s -> checkSchema(s.schema(), at, errors);
                case Check.MaxTokens m -> {
                    if (m.limit() < 1) errors.add(at + "the token limit must be at least 1 (was " + m.limit() + ")");
                }
                case Check.Judge j -> checkJudge(j, at, errors);
            }
        }
    }

    private static void requireText(String text, String what, List<String> errors) {
        if (text == null || text.isEmpty()) {
            errors.add(what + " needs a text to look for");
        }
    }

    private static void checkRegex(String regex, String at, List<String> errors) {
        try {
            Pattern.compile(regex == null ? "" : regex);
            if (regex == null || regex.isEmpty()) errors.add(at + "the regular expression is empty: write one");
        } catch (PatternSyntaxException e) {
            errors.add(at + "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static void checkSchema(String schema, String at, List<String> errors) {
        try {
            JsonNode tree = JSON.readTree(schema == null ? "" : schema);
            if (tree == null || tree.isMissingNode()) {
                errors.add(at + "the JSON schema is empty: write one");
                return;
            }
            List<JsonSchemaCheck.Violation> violations = JsonSchemaCheck.schemaProblems(tree);
            if (!violations.isEmpty()) {
                errors.add(at + "not a valid JSON schema: " + violations.getFirst());
            }
        } catch (java.io.IOException e) {
            errors.add(at + "the JSON schema is not JSON: fix it near " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void checkJudge(Check.Judge judge, String at, List<String> errors) {
        if (judge.judge() == null) {
            errors.add(at + "the judge needs a model");
        }
        if (judge.rubric() == null || judge.rubric().isBlank()) {
            errors.add(at + "the judge needs a rubric: write what a good reply does");
        }
        if (judge.passMark() < 1 || judge.passMark() > 5) {
            errors.add(at + "the judge's pass mark is a score from 1 to 5 (was " + judge.passMark() + ")");
        }
    }

    /** The first cell of each parameter combination, as sent, against the request bounds. */
    private static void checkRequests(Experiment experiment, List<String> errors) {
        Set<String> seen = new LinkedHashSet<>();
        for (Cell cell : Cells.of(experiment)) {
            if (cell.repeat() == 1 && seen.add(cell.params().toString())) {
                for (String problem : RequestValidator.problems(CellRequests.request(experiment, cell))) {
                    if (!errors.contains(problem)) {
                        errors.add(problem);
                    }
                }
            }
        }
    }
}
