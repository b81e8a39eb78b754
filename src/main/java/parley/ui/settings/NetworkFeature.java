package parley.ui.settings;

import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The proxy and certificate settings: a button at the end of the tool bar. Once the window shows,
 * the stored settings are put to use first and the model list is fetched after them, so the first
 * fetch already goes through the proxy they name.
 */
public final class NetworkFeature implements WindowFeature {
    private final NetworkViewModel network;

    public NetworkFeature(WindowContext context) {
        this.network = new NetworkViewModel(context.network(), context.background(), context.ui(),
                context.controls().providers()::refreshModels);
        context.window().addToToolbarEnd(new NetworkButton(network));
    }

    @Override
    public void windowShown() {
        network.load();
    }

    public NetworkViewModel model() { return network; }
}
