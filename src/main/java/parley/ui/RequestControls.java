package parley.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import parley.api.ExtendedParameters;
import parley.api.Tool;
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
    private List<Tool> addedTools = List.of();
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
            extended.show(withoutAddedTools(settings.extended()));
            chat.setSettings(chat.settings().withExtended(settings.extended())); // keeps what no control shows
        } finally {
            showing = false;
        }
        push();
    }

    /**
     * Tools that join the request after the Tools tab's functions (the enabled MCP servers' tools);
     * they are not shown as functions there, and not taken for functions when settings are shown.
     */
    public void setAddedTools(List<Tool> tools) {
        addedTools = List.copyOf(tools);
        ExtendedParameters shown = extended.applyTo(chat.settings().extended());
        ExtendedParameters own = withoutAddedTools(shown);
        if (!own.equals(shown)) { // settings opened before the servers were ready brought their tools as functions
            showing = true;
            try {
                extended.show(own);
            } finally {
                showing = false;
            }
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
        chat.setSettings(next.withExtended(withAddedTools(extended.applyTo(next.extended()))));
        changed();
    }

    private ExtendedParameters withAddedTools(ExtendedParameters x) {
        if (addedTools.isEmpty()) return x;
        List<Tool> all = new ArrayList<>(x.tools() == null ? List.of() : x.tools());
        all.addAll(addedTools);
        return x.withTools(all, x.toolChoice(), x.parallelToolCalls());
    }

    private ExtendedParameters withoutAddedTools(ExtendedParameters x) {
        if (x.tools() == null || addedTools.isEmpty()) return x;
        Set<String> added = addedTools.stream().map(Tool::name).collect(Collectors.toSet());
        List<Tool> own = x.tools().stream().filter(t -> !added.contains(t.name())).toList();
        return own.isEmpty() ? x.withTools(null, null, null) : x.withTools(own, x.toolChoice(), x.parallelToolCalls());
    }

    private void changed() {
        request.refresh();
        changeListeners.forEach(Runnable::run);
    }
}
