package parley.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.InvalidationListener;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Subscription;
import parley.ui.chat.ChatViewModel;
import parley.ui.models.ProviderViewModel;
import parley.ui.params.ParamsViewModel;
import parley.ui.request.RequestViewModel;

/**
 * The controls that shape the next request (provider and model, the parameters) kept in step with
 * the chat service's settings, and the request they make with the composer's text, as the Request
 * panel shows it. The controls lead: every change to them becomes the chat's settings, and settings
 * that come from elsewhere (an opened session or conversation) go through {@link #show} so the
 * controls show what will be sent. Used on the FX thread.
 */
public final class RequestControls implements AutoCloseable {
    private final ChatService chat;
    private final ChatViewModel chatModel;
    private final ParamsViewModel params;
    private final ExtendedControls extended;
    private final ProviderViewModel providers;
    private final RequestViewModel request;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Subscription chatEvents;
    private boolean showing;

    public RequestControls(ChatService chat, ChatViewModel chatModel, ParamsViewModel params,
                           ExtendedControls extended, ProviderViewModel providers, RequestViewModel request,
                           UiThread ui) {
        this.chat = chat;
        this.chatModel = chatModel;
        this.params = params;
        this.extended = extended;
        this.providers = providers;
        this.request = request;
        InvalidationListener push = o -> push();
        params.revision().addListener(push);
        extended.addListener(push);
        providers.providerProperty().addListener(push);
        providers.modelProperty().addListener(push);
        providers.endUserProperty().addListener(push);
        chatModel.draftProperty().addListener(o -> changed());
        this.chatEvents = chat.addListener(event -> {
            if (event instanceof ChatEvent.Started || event instanceof ChatEvent.Ended) ui.run(request::refresh);
        });
        push();
    }

    public ParamsViewModel params() { return params; }

    /** Seed, choices, log-probabilities, reasoning effort, output format and tools. */
    public ExtendedControls extended() { return extended; }

    public ProviderViewModel providers() { return providers; }

    public RequestViewModel request() { return request; }

    /** Puts {@code settings} into the controls, which hand them to the chat: what is shown is what is sent. */
    public void show(ChatSettings settings) {
        showing = true;
        try {
            providers.select(settings.providerId(), settings.baseUrl(), settings.model());
            params.show(settings);
            extended.show(settings.extended());
            chat.setSettings(chat.settings().withExtended(settings.extended())); // keeps what no control shows
        } finally {
            showing = false;
        }
        push();
    }

    /** Runs {@code listener} on the FX thread after the settings or the composer's text changed. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    @Override
    public void close() {
        chatEvents.close();
    }

    private void push() {
        if (showing) return;
        ChatSettings next = params.applyTo(providers.applyTo(chat.settings()));
        chat.setSettings(next.withExtended(extended.applyTo(next.extended())));
        changed();
    }

    private void changed() {
        request.refresh();
        changeListeners.forEach(Runnable::run);
    }
}
