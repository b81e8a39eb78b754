package parley.ui.request;

import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * The Request side panel: the JSON the next send will post, and the raw answer to the last one,
 * whose whole can be saved as a file (asked through the dialogs, written on the background executor).
 */
public final class RequestFeature implements WindowFeature {
    private final RequestViewModel model;

    public RequestFeature(WindowContext context) {
        this.model = context.controls().request();
        Runnable saveWhole = () -> context.dialogs().chooseSave("Save the whole answer", "answer.txt")
                .ifPresent(file -> model.saveWholeAnswer(file, context.background()));
        context.window().addSidePanel("Request", new RequestView(model, saveWhole));
    }

    @Override
    public void close() {
        model.close();
    }
}
