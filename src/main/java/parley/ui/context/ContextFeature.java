package parley.ui.context;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import parley.api.ChatRequest;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Subscription;
import parley.engine.EngineHost;
import parley.engine.ModelFacts;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.chat.ChatExtensions;
import parley.usage.TokenEstimator;

/**
 * Warns under the composer when the conversation's estimated tokens plus {@code max_tokens} pass
 * the model's context, where the context is known: from the provider's model list, or the header of
 * the model the built-in engine runs. Counted off the FX thread after every change of the draft or
 * the settings and after every reply.
 */
public final class ContextFeature implements WindowFeature {
    private final ChatService chat;
    private final ChatExtensions extensions;
    private final EngineHost engine;
    private final Executor background;
    private final UiThread ui;
    private final ContextLengths lengths = new ContextLengths();
    private final TokenEstimator estimator = new TokenEstimator();
    private final AtomicLong generation = new AtomicLong();
    private final Subscription replies;

    public ContextFeature(WindowContext context) {
        this.chat = context.chat();
        this.extensions = context.chatExtensions();
        this.engine = context.engine();
        this.background = context.background();
        this.ui = context.ui();
        context.controls().providers().observeModelLists((profile, models) -> {
            lengths.listed(profile.baseUrl(), models); // told on a background thread
            ui.run(() -> check(context.chatModel().draftProperty().get()));
        });
        context.controls().addChangeListener(() -> check(context.chatModel().draftProperty().get()));
        this.replies = chat.addListener(event -> {
            if (event instanceof ChatEvent.Ended) ui.run(() -> check(context.chatModel().draftProperty().get()));
        });
    }

    @Override
    public void close() {
        replies.close();
    }

    /** Counts the request that sending {@code draft} would make; only the latest count is shown. */
    private void check(String draft) {
        long mine = generation.incrementAndGet();
        ChatRequest request = chat.nextRequest(draft);
        ChatSettings settings = chat.settings();
        background.execute(() -> {
            String warning = warning(settings, request);
            ui.run(() -> {
                if (generation.get() == mine) extensions.showContextWarning(warning);
            });
        });
    }

    private String warning(ChatSettings settings, ChatRequest request) {
        Integer length = contextLength(settings);
        if (length == null) return "";
        int maxTokens = request.maxTokens() == null ? 0 : request.maxTokens();
        return new ContextLimit(length, estimator.countPrompt(request.messages()), maxTokens).warning(request.model());
    }

    private Integer contextLength(ChatSettings settings) {
        if (Providers.LOCAL_GGUF.id().equals(settings.providerId())) {
            ModelFacts facts = engine == null ? null : engine.selected();
            return facts == null ? null : facts.contextLength();
        }
        String baseUrl = settings.baseUrl() != null ? settings.baseUrl()
                : Providers.byId(settings.providerId()).map(ProviderProfile::baseUrl).orElse(null);
        return lengths.of(baseUrl, settings.model());
    }
}
