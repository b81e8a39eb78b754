package parley.ui.models;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import parley.ui.MainWindow;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The provider and model picker in the tool bar; looks for local servers once the window shows. The
 * first model list is fetched when the network settings are in use ({@code NetworkFeature}).
 */
public final class ModelsFeature implements WindowFeature {
    private final ProviderViewModel providers;

    public ModelsFeature(WindowContext context) {
        this.providers = context.controls().providers();
        ProviderBar bar = new ProviderBar(providers);
        MainWindow window = context.window();
        window.addToToolbar(bar);
        window.addShortcut(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), "Ctrl+M",
                "Search the models", bar.picker()::open);
        // the send asks for the key on the FX thread: only once it has been read from the keyring
        context.chatExtensions().addSendGuard(providers::keyRead);
        window.addShortcut(new KeyCodeCombination(KeyCode.F5), "F5", "Reload the model list", providers::refreshModels);
    }

    @Override
    public void windowShown() {
        providers.detectLocalServers();
    }
}
