package parley.ui.usage;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import parley.api.ChatRequest;
import parley.chat.ChatService;
import parley.provider.ModelInfo;
import parley.store.Database;
import parley.ui.MainWindow;
import parley.ui.UiThread;
import parley.ui.chat.ChatViewModel;
import parley.usage.BudgetCheck;
import parley.usage.LedgerEntry;
import parley.usage.Money;
import parley.usage.RequestOrigin;
import parley.usage.UsageRecorder;
import parley.usage.UsageService;

/**
 * The usage tracker in the window: puts every finished request on the ledger, adds the Usage side
 * panel, prices each reply's footer, shows the composer's cost estimate and asks before a send
 * that could pass a budget limit.
 */
public final class UsageFeature {
    private final UsageService service;
    private final ChatService chat;
    private final UiThread ui;
    private final UsageViewModel panel;
    private final ComposerEstimate estimate;

    private UsageFeature(UsageService service, ChatService chat, Executor background, UiThread ui) {
        this.service = service;
        this.chat = chat;
        this.ui = ui;
        this.panel = new UsageViewModel(service, background, ui, () -> chat.conversation().id());
        this.estimate = new ComposerEstimate(service, background, ui);
    }

    /** Records the chat's requests on the ledger and adds the Usage panel to the window. */
    public static UsageFeature install(MainWindow window, ChatService chat, Database database, Executor background,
                                       UiThread ui) {
        UsageFeature feature = new UsageFeature(UsageService.over(database, Clock.systemDefaultZone()), chat, background, ui);
        chat.addExchangeListener(new UsageRecorder(feature.service.tracker()));
        feature.service.tracker().addListener(e -> feature.ui.run(feature.panel::refresh));
        window.addSidePanel("Usage", new UsageView(feature.panel));
        feature.panel.refresh();
        return feature;
    }

    public UsageService service() { return service; }

    public UsageViewModel panel() { return panel; }

    public ComposerEstimate estimate() { return estimate; }

    /** Keeps the prices a provider's model list carries (Atlas Cloud's does) and hands the list on. */
    public List<ModelInfo> pricesFrom(String providerId, List<ModelInfo> models) {
        service.tracker().prices().refreshFrom(providerId, models);
        return models;
    }

    /** Footers show each reply's cost, the composer its estimate, and sends pass the budget first. */
    public void attach(ChatViewModel chatModel) {
        attach(chatModel, UsageFeature::confirm, UsageFeature::refuse);
    }

    /** As {@link #attach(ChatViewModel)}, with the question and the refusal shown by the given actions. */
    public void attach(ChatViewModel chatModel, java.util.function.Predicate<BudgetCheck> confirm,
                       java.util.function.Consumer<BudgetCheck> refuse) {
        service.tracker().addListener(e -> {
            if (e.messageId() != null) ui.run(() -> chatModel.setCost(e.messageId(), Money.format(e.cost())));
        });
        estimate.textProperty().subscribe(text -> chatModel.costEstimateProperty().set(withBudget(text)));
        estimate.budgetProperty().subscribe(b -> chatModel.costEstimateProperty().set(withBudget(estimate.textProperty().get())));
        BudgetGate gate = new BudgetGate(service, confirm, refuse);
        chatModel.setSendGuard(() -> gate.approve(() -> nextRequest(chatModel.draftProperty().get()), this::origin));
        chatModel.draftProperty().subscribe(this::draftChanged);
    }

    /** Estimates again: call when the draft, the parameters, the provider or the model change. */
    public void draftChanged(String draft) {
        if (draft == null || draft.isBlank()) {
            ui.run(estimate::clear);
            return;
        }
        estimate.update(() -> nextRequest(draft), this::origin);
    }

    private ChatRequest nextRequest(String draft) {
        return chat.nextRequest(draft);
    }

    private RequestOrigin origin() {
        var settings = chat.settings();
        return new RequestOrigin(settings.providerId(), settings.baseUrl(), chat.conversation().id(), null,
                LedgerEntry.WINDOW);
    }

    private String withBudget(String text) {
        BudgetCheck check = estimate.budgetProperty().get();
        if (check == null || check.verdict() == BudgetCheck.Verdict.OK) return text;
        return text + " · " + check.message();
    }

    private static boolean confirm(BudgetCheck check) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, check.message() + "\n\nSend it anyway?",
                ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Budget");
        alert.setHeaderText("This request could pass your budget");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static void refuse(BudgetCheck check) {
        Alert alert = new Alert(Alert.AlertType.WARNING, check.message(), ButtonType.OK);
        alert.setTitle("Budget");
        alert.setHeaderText("Not sent: it could pass your budget");
        alert.showAndWait();
    }

}
