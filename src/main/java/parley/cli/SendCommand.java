package parley.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import parley.api.ApiError;
import parley.chat.BackendFactory;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Outcome;
import parley.chat.ProviderBackends;
import parley.chat.Reply;
import parley.provider.ApiKey;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley send}: one message, the reply streamed to stdout (reasoning to stderr) or one JSON object. */
@Command(name = "send", description = "Send one message and print the reply as it arrives.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class SendCommand extends Subcommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    RequestOptions request;

    @Option(names = "--json", description = "print one JSON object at the end instead of the text")
    boolean json;

    private boolean reasoningOpen;

    public SendCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() throws InterruptedException {
        ProviderProfile profile = connection.profile();
        String message = request.message();
        try (LocalEngine engine = LocalEngine.of(connection, context.env())) {
            ChatSettings settings = engine == null ? request.settings(profile) : engine.settings(request, profile);
            RequestOptions.checked(settings, message);
            Optional<ApiKey> key = connection.key(profile, context.env());
            try (ProviderClients clients = connection.clients(profile, key)) {
                BackendFactory backends = engine == null ? new ProviderBackends(clients) : engine.backends();
                return send(backends, settings, message);
            }
        }
    }

    private int send(BackendFactory backends, ChatSettings settings, String message) throws InterruptedException {
        Duration timeout = connection.timeout();
        ChatService service = new ChatService(backends);
        service.setSettings(settings);
        if (!json) {
            service.addListener(this::print);
        }
        Reply reply = service.send(message);
        ChatEvent.Ended end = timeout == null ? reply.await() : reply.await(timeout);
        ApiError timedOut = null;
        if (end == null) {
            reply.stop();
            end = reply.await();
            timedOut = new ApiError(ApiError.Kind.TIMEOUT, 0, "timeout",
                    "no complete reply within " + timeout.toSeconds() + " s (--timeout)");
        }
        return report(end, timedOut != null ? timedOut : end.record().error());
    }

    private int report(ChatEvent.Ended end, ApiError error) {
        BigDecimal cost = context.usage().recorded(end.record());
        boolean failed = error != null || end.outcome() != Outcome.COMPLETED;
        if (json) {
            context.out().println(SendReport.json(end, error, cost));
            context.out().flush();
            return failed ? FAILED : OK;
        }
        if (!end.message().content().isEmpty() && !end.message().content().endsWith("\n")) {
            context.out().println();
        }
        context.out().flush();
        if (error != null) {
            context.err().println("parley: " + SendReport.describe(error)
                    + (end.record().result().truncated() ? "; the reply above is truncated" : ""));
        } else if (end.outcome() == Outcome.TRUNCATED) {
            context.err().println("parley: the connection ended before the reply was complete; what arrived is above (truncated)");
        }
        return failed ? FAILED : OK;
    }

    private void print(ChatEvent event) {
        switch (event) {
            case ChatEvent.Text t -> {
                if (reasoningOpen) {
                    context.err().println();
                    context.err().flush();
                    reasoningOpen = false;
                }
                context.out().print(t.text());
                context.out().flush();
            }
            case ChatEvent.Reasoning r -> {
                reasoningOpen = !r.text().endsWith("\n");
                context.err().print(r.text());
                context.err().flush();
            }
            default -> { }
        }
    }
}
