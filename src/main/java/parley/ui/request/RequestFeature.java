package parley.ui.request;

import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** The Request side panel: the JSON the next send will post, and the raw answer to the last one. */
public final class RequestFeature implements WindowFeature {
    public RequestFeature(WindowContext context) {
        context.window().addSidePanel("Request", new RequestView(context.controls().request()));
    }
}
