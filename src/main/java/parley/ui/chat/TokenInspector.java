package parley.ui.chat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import parley.api.TokenLogprob;

/**
 * A reply as its tokens, each shaded by its probability (the theme's warning and danger colours
 * for the unlikely ones); hovering a token shows its top alternatives. Built only when shown.
 */
final class TokenInspector extends TextFlow {
    TokenInspector(List<TokenLogprob> tokens) {
        getStyleClass().add("token-inspector");
        for (TokenLogprob token : tokens) add(token);
    }

    private void add(TokenLogprob token) {
        String text = token.token() == null ? "" : token.token();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) getChildren().add(new Text("\n"));
            if (!lines[i].isEmpty() || lines.length == 1) getChildren().add(tokenLabel(lines[i], token));
        }
    }

    private static Node tokenLabel(String text, TokenLogprob token) {
        Label label = new Label(text.isEmpty() ? "∅" : text);
        label.getStyleClass().addAll("token", TokenShade.styleClass(token.logprob()));
        label.setUserData(token);
        label.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (label.getTooltip() == null) label.setTooltip(tooltip(token));
        });
        return label;
    }

    /** Made when the pointer first reaches the token: a reply has thousands of tokens, and a Tooltip is a window. */
    private static Tooltip tooltip(TokenLogprob token) {
        Tooltip tip = new Tooltip(TokenShade.describe(token));
        tip.getStyleClass().add("token-tip");
        tip.setShowDelay(Duration.millis(150));
        return tip;
    }
}
