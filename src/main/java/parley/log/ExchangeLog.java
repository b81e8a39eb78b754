package parley.log;

import java.util.function.BooleanSupplier;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.chat.ExchangeListener;
import parley.chat.ExchangeRecord;

/**
 * Logs every finished request: provider, model, how it ended, HTTP status, timings, sizes and
 * tokens. The messages' text only when the user switched on "log message text"; the key never
 * (it is not in the record, and {@link LogLineFormat} masks any echo of it).
 */
public final class ExchangeLog implements ExchangeListener {
    private static final System.Logger LOG = System.getLogger("parley.request");

    private final BooleanSupplier logText;

    /** {@code logText}: asked at each request whether the messages' text goes to the log too. */
    public ExchangeLog(BooleanSupplier logText) {
        this.logText = logText;
    }

    @Override
    public void finished(ExchangeRecord record) {
        ApiError error = record.error();
        System.Logger.Level level = error == null ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
        LOG.log(level, line(record));
        if (logText.getAsBoolean()) {
            LOG.log(System.Logger.Level.INFO, "request text: " + text(record.request()));
            LOG.log(System.Logger.Level.INFO, "reply text: " + record.result().content());
        }
    }

    static String line(ExchangeRecord record) {
        ChatRequest request = record.request();
        ChatResult result = record.result();
        ApiError error = record.error();
        StringBuilder line = new StringBuilder("request to ").append(record.providerId())
                .append(" (").append(record.baseUrl()).append(") model ").append(record.model())
                .append(": ").append(record.outcome())
                .append(", status ").append(error == null ? "ok" : error.status() == 0 ? "none" : error.status())
                .append(", ").append(record.metrics().durationMillis()).append(" ms")
                .append(", first token ").append(record.metrics().ttftMillis() == null ? "-" : record.metrics().ttftMillis() + " ms")
                .append(", sent ").append(request.messages().size()).append(" messages / ")
                .append(characters(request)).append(" chars")
                .append(", received ").append(length(result.content())).append(" chars")
                .append(" + ").append(length(result.reasoning())).append(" reasoning chars")
                .append(", tokens ").append(or(record.usage().promptTokens())).append(" in / ")
                .append(or(record.usage().completionTokens())).append(" out")
                .append(", stream ").append(request.streaming());
        if (record.finishReason() != null) line.append(", finish ").append(record.finishReason());
        if (error != null) line.append(", error ").append(error.kind()).append(": ").append(error.message());
        return line.toString();
    }

    private static int characters(ChatRequest request) {
        int sum = 0;
        for (ChatMessage message : request.messages()) sum += length(message.content());
        return sum;
    }

    private static String text(ChatRequest request) {
        ChatMessage last = request.messages().isEmpty() ? null : request.messages().getLast();
        return last == null ? "" : last.role() + ": " + last.content();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String or(Integer count) {
        return count == null ? "-" : count.toString();
    }
}
