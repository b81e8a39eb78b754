package parley.ui.chat;

import javafx.scene.Node;

/** The transcript's text as the chat view tests read it, for tests in other packages. */
public final class ChatViewFxTestAccess {
    private ChatViewFxTestAccess() {}

    public static String text(Node card) {
        return ChatViewFxTest.text(card);
    }
}
