package parley.ui.code;

import java.util.concurrent.Executor;
import parley.api.ChatRequest;
import parley.codegen.CodeRequest;
import parley.provider.ProviderProfile;
import parley.ui.Dialogs;
import parley.ui.UiThread;
import parley.ui.models.ProviderViewModel;
import parley.ui.request.RequestViewModel;

/** The code panel wired to the window: it shows the request the Request panel shows, for the chosen provider. */
public final class CodePanel {
    private CodePanel() {}

    /** A code view that follows the request view and the provider picker. */
    public static CodeView following(RequestViewModel request, ProviderViewModel providers, Executor background,
                                     UiThread ui, Dialogs dialogs) {
        CodeViewModel vm = new CodeViewModel(() -> source(request, providers), background, ui,
                CodeViewModel.DEFAULT_DELAY);
        request.jsonProperty().addListener(o -> vm.refresh());
        request.problemsProperty().addListener(o -> vm.refresh());
        providers.providerProperty().addListener(o -> vm.refresh());
        return new CodeView(vm, dialogs);
    }

    static CodeRequest source(RequestViewModel request, ProviderViewModel providers) {
        ChatRequest shown = request.shownRequest();
        ProviderProfile provider = providers.provider();
        if (shown == null || provider == null) {
            String why = request.problemsProperty().get();
            throw new IllegalArgumentException(why == null || why.isBlank()
                    ? "Choose a provider and a model to see the request as code." : why);
        }
        return new CodeRequest(provider.baseUrl(), provider.keyEnv(), shown);
    }
}
