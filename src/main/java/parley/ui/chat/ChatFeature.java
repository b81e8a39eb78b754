package parley.ui.chat;

import java.util.function.Consumer;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The transcript and the composer in the middle of the window, with their shortcuts in the Help list. */
public final class ChatFeature implements WindowFeature {
    private final ChatView view;

    public ChatFeature(WindowContext context) {
        this.view = new ChatView(context.chatModel());
        context.window().setMain(view);
        context.window().listShortcuts(ChatView.shortcuts());
    }

    /** How a link in a reply is opened once the user confirmed it. */
    public void setLinkOpener(Consumer<String> opener) {
        view.setLinkOpener(opener);
    }

    /** The transcript's warm-up: once the window is shown, the first send does not wait for the cards' classes. */
    @Override
    public void windowShown() {
        view.warmUp();
    }

    public void focusComposer() {
        view.focusComposer();
    }
}
