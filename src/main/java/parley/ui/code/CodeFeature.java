package parley.ui.code;

import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Code side panel: the request the Request panel shows, as code in several languages. */
public final class CodeFeature implements WindowFeature {
    public CodeFeature(WindowContext context) {
        context.window().addSidePanel("Code", CodePanel.following(context.controls().request(),
                context.controls().providers(), context.background(), context.ui(), context.dialogs()));
    }
}
