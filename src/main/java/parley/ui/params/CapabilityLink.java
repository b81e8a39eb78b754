package parley.ui.params;

import parley.api.ApiError;
import parley.capability.CapabilityService;
import parley.capability.RefusalStore;
import parley.capability.Thinking;
import parley.chat.ChatSettings;
import parley.ui.WindowContext;

/**
 * Keeps the window in step with what the chosen model accepts: the parameters panel greys what it
 * ignores and leaves out what it refuses, every request leaves the refused parameters out, and a
 * reply refused for a parameter it names offers "Send without it", which learns the refusal.
 */
final class CapabilityLink {
    private final WindowContext context;
    private final ParamsViewModel params;
    private final CapabilityService capabilities;

    CapabilityLink(WindowContext context, ParamsViewModel params) {
        this.context = context;
        this.params = params;
        this.capabilities = CapabilityService.over(new RefusalStore(context.database()));
        context.chat().setRequestFilter((settings, request) ->
                capabilities.leaveOutRefused(settings.providerId(), settings.baseUrl(), request));
        context.controls().addChangeListener(this::show);
        capabilities.addListener(() -> context.ui().run(this::learned));
        context.chatExtensions().offerSendWithout(capabilities::refusedParameter, this::sendWithout);
        show();
        context.background().execute(capabilities::load);
    }

    CapabilityService capabilities() { return capabilities; }

    private void show() {
        ChatSettings settings = context.chat().settings();
        params.showCapabilities(capabilities.of(settings.providerId(), settings.baseUrl(), settings.model(),
                Thinking.on(settings.extra())));
    }

    private void learned() {
        show();
        context.controls().request().refresh();
    }

    private void sendWithout(String parameter, ApiError error) {
        ChatSettings settings = context.chat().settings();
        context.background().execute(() -> {
            capabilities.learn(settings.providerId(), settings.baseUrl(), settings.model(), parameter, error.message());
            context.ui().run(context.chatModel()::retry);
        });
    }
}
