package parley.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.JsonSchemaCheck;
import parley.usage.TokenEstimator;

/**
 * Runs an experiment's checks on one whole reply, in the checks' order. The judge is a request of its
 * own, to its own model, written to the ledger like a cell; its cost goes into its verdict only.
 */
final class Checker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(?s)^```[A-Za-z0-9_-]*\\s*\\n(.*?)\\n?```$");
    private static final int EXCERPT = 80;

    private final Function<Target, ChatBackend> backends;
    private final ExperimentLedger ledger;
    private final RunningCalls calls;
    private final TokenEstimator tokens = new TokenEstimator();

    Checker(Function<Target, ChatBackend> backends, ExperimentLedger ledger, RunningCalls calls) {
        this.backends = backends;
        this.ledger = ledger;
        this.calls = calls;
    }

    List<Verdict> verdicts(List<Check> checks, ChatRequest sent, CellResult result) throws InterruptedException {
        List<Verdict> verdicts = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            verdicts.add(verdict(i, checks.get(i), sent, result));
        }
        return verdicts;
    }

    private Verdict verdict(int index, Check check, ChatRequest sent, CellResult result) throws InterruptedException {
        String reply = result.content();
        return switch (check) {
            case Check.Contains c -> plain(index, reply.contains(c.text()),
                    (reply.contains(c.text()) ? "contains \"" : "does not contain \"") + c.text() + "\"");
            case Check.NotContains c -> plain(index, !reply.contains(c.text()),
                    (reply.contains(c.text()) ? "contains \"" : "does not contain \"") + c.text() + "\"");
            case Check.Matches m -> matches(index, m.regex(), reply);
            case Check.ValidJson v -> validJson(index, reply);
            case Check.MatchesSchema s -> schema(index, s.schema(), reply);
            case Check.MaxTokens m -> maxTokens(index, m.limit(), result);
            case Check.Judge j -> judge(index, j, sent, reply);
        };
    }

    private static Verdict plain(int index, boolean passed, String detail) {
        return new Verdict(index, passed, detail, null, null);
    }

    private static Verdict matches(int index, String regex, String reply) {
        boolean found = Pattern.compile(regex).matcher(reply).find();
        return plain(index, found, (found ? "matches /" : "does not match /") + regex + "/");
    }

    /** The reply without one fence around it (```json … ```), as models often wrap JSON. */
    static String unfenced(String reply) {
        String text = reply.strip();
        var m = FENCE.matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    private static Verdict validJson(int index, String reply) {
        try {
            JsonNode tree = JSON.readTree(unfenced(reply));
            boolean json = tree != null && !tree.isMissingNode();
            return plain(index, json, json ? "valid JSON" : "not valid JSON: the reply is empty");
        } catch (JsonProcessingException e) {
            return plain(index, false, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Verdict schema(int index, String schema, String reply) {
        try {
            List<JsonSchemaCheck.Violation> violations = JsonSchemaCheck.validate(JSON.readTree(schema), unfenced(reply));
            return plain(index, violations.isEmpty(), violations.isEmpty() ? "matches the schema"
                    : violations.getFirst().toString() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        } catch (JsonProcessingException e) {
            return plain(index, false, "the schema is not JSON: " + e.getOriginalMessage());
        }
    }

    private Verdict maxTokens(int index, int limit, CellResult result) {
        Integer reported = result.usage().completionTokens();
        long used = reported != null ? reported : tokens.count(result.content()) + tokens.count(result.reasoning());
        String counted = reported != null ? "" : " (counted here, estimated)";
        return plain(index, used <= limit, used + " tokens" + counted + (used <= limit ? ", at most " : ", more than ") + limit);
    }

    private Verdict judge(int index, Check.Judge judge, ChatRequest sent, String reply) throws InterruptedException {
        ChatRequest request = JudgePrompt.request(judge.judge().model(), judge.rubric(), lastUser(sent), reply);
        ChatResult answer;
        try {
            ChatCall call = backends.apply(judge.judge()).start(request, event -> { });
            calls.add(call);
            try {
                answer = call.await();
            } finally {
                calls.remove(call);
            }
        } catch (IllegalArgumentException e) {
            return new Verdict(index, false, "the judge could not be asked: " + e.getMessage(), null, null);
        }
        BigDecimal cost = ledger.recorded(judge.judge(), request, answer);
        if (answer.error() != null || answer.stopped()) {
            String why = answer.stopped() ? "it was stopped" : answer.error().message();
            return new Verdict(index, false, "the judge gave no verdict: " + why, null, cost);
        }
        Integer score = JudgePrompt.score(answer.content());
        if (score == null) {
            return new Verdict(index, false, "the judge gave no score: " + excerpt(answer.content()), null, cost);
        }
        return new Verdict(index, score >= judge.passMark(), excerpt(answer.content()), score, cost);
    }

    private static String lastUser(ChatRequest sent) {
        for (int i = sent.messages().size() - 1; i >= 0; i--) {
            ChatMessage message = sent.messages().get(i);
            if (ChatMessage.USER.equals(message.role())) {
                return message.content();
            }
        }
        return "";
    }

    private static String excerpt(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
    }
}
