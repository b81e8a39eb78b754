package parley.ui.usage;

import java.time.Clock;
import parley.api.ChatRequest;
import parley.chat.ChatService;
import parley.chat.Subscription;
import parley.team.TeamBudgetGuard;
import parley.team.TeamPriceCache;
import parley.team.TeamUsageScopes;
import parley.ui.Dialogs;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;
import parley.ui.chat.ChatExtensions;
import parley.usage.BudgetCheck;
import parley.usage.LedgerEntry;
import parley.usage.Money;
import parley.usage.RequestOrigin;
import parley.usage.UsageRecorder;
import parley.usage.UsageService;

/**
 * The usage tracker in the window: puts every finished request on the ledger, adds the Usage side
 * panel (my usage or, with a team workspace, the team's), prices each reply's footer, shows the composer's cost estimate, asks before a send that
 * could pass a budget limit (the user's, or the team's when connected to a workspace), and keeps the
 * prices a provider's model list carries (Atlas Cloud's does) beside the team's.
 */
public final class UsageFeature implements WindowFeature {
    private final UsageService service;
    private final ChatService chat;
    private final UiThread ui;
    private final UsageViewModel panel;
    private final ComposerEstimate estimate;
    private final ChatExtensions chatExtensions;
    private final Subscription ledger;
    private final TeamUsageScopes scopes;
    private final TeamPriceCache teamPrices;
    private final BudgetGate gate;

    public UsageFeature(WindowContext context) {
        Clock clock = Clock.systemDefaultZone();
        this.teamPrices = new TeamPriceCache(context.team(), clock);
        this.service = UsageService.over(context.database(), clock, this::memberName, teamPrices,
                new TeamBudgetGuard(context.team(), context.database(), clock));
        this.scopes = new TeamUsageScopes(context.database(), context::team, service, clock);
        context.background().execute(teamPrices::refresh);
        this.chat = context.chat();
        this.ui = context.ui();
        this.chatExtensions = context.chatExtensions();
        this.panel = new UsageViewModel(service, scopes, context.background(), ui, () -> chat.conversation().id());
        this.estimate = new ComposerEstimate(service, context.background(), ui);
        this.ledger = chat.addExchangeListener(new UsageRecorder(service.tracker()));
        this.gate = new BudgetGate(service, check -> confirm(context.dialogs(), check),
                check -> refuse(context.dialogs(), check), context.background(), ui);
        service.tracker().addListener(e -> {
            if (LedgerEntry.WINDOW.equals(e.origin())) context.background().execute(this::requestEnded);
            ui.run(() -> {
                panel.refresh();
                if (e.messageId() != null) chatExtensions.showCost(e.messageId(), Money.format(e.cost()));
            });
        });
        context.window().addSidePanel("Usage", new UsageView(panel, context.dialogs()));
        panel.refresh();

        context.controls().providers().observeModelLists((profile, models) ->
                service.tracker().prices().refreshFrom(profile.id(), models));
        estimate.textProperty().subscribe(this::showEstimate);
        estimate.budgetProperty().subscribe(this::showEstimate);
        chatExtensions.addSendGuard(() -> gate.approve(() -> nextRequest(context.chatModel().draftProperty().get()),
                this::origin));
        context.controls().addChangeListener(() -> draftChanged(context.chatModel().draftProperty().get()));
    }

    public UsageService service() { return service; }

    /** This data folder's member name in its team workspace (read off the JavaFX thread, with the ledger). */
    private String memberName() { return scopes.member(); }

    public UsageViewModel panel() { return panel; }

    public ComposerEstimate estimate() { return estimate; }

    @Override
    public void close() {
        ledger.close();
        scopes.close();
    }

    /** Gives the ended request's hold on the team's budget back and reads the team's prices again. */
    private void requestEnded() {
        gate.ended();
        teamPrices.refresh();
    }

    /** Estimates again: the draft, the parameters, the provider or the model changed. */
    private void draftChanged(String draft) {
        if (draft == null || draft.isBlank()) {
            estimate.clear();
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

    private void showEstimate(Object changed) {
        String text = estimate.textProperty().get();
        BudgetCheck check = estimate.budgetProperty().get();
        boolean ok = check == null || check.verdict() == BudgetCheck.Verdict.OK;
        chatExtensions.showComposerNote(ok ? text : text + " · " + check.message());
    }

    private static boolean confirm(Dialogs dialogs, BudgetCheck check) {
        return dialogs.confirm("Budget", "This request could pass your budget", check.message() + "\n\nSend it anyway?");
    }

    private static void refuse(Dialogs dialogs, BudgetCheck check) {
        dialogs.warn("Budget", "Not sent: it could pass your budget", check.message());
    }
}
