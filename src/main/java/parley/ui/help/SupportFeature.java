package parley.ui.help;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.geometry.Pos;
import javafx.stage.Screen;
import parley.about.BuildInfo;
import parley.chat.Subscription;
import parley.log.AppLog;
import parley.log.ExchangeLog;
import parley.log.Failures;
import parley.store.Database;
import parley.store.Settings;
import parley.ui.MainWindow;
import parley.ui.UiThread;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/**
 * When something goes wrong: the failure notice over the transcript, the Help menu (shortcuts, log
 * and data folders, diagnostics, About), the request log with its "log message text" setting, the
 * start-up line of the log, and the check of the whole database file once the window is up.
 * Installed once the window is built; {@link #close()} undoes it.
 */
public final class SupportFeature implements WindowFeature {
    private static final System.Logger LOG = System.getLogger("parley.window");

    private final FailureNoticeModel notice = new FailureNoticeModel();
    private final Failures.FailureListener toNotice;
    private final Subscription requestLog;
    private final HelpActions actions;
    private final Database database;
    private final UiThread ui;

    public SupportFeature(WindowContext context) {
        MainWindow window = context.window();
        database = context.database();
        Executor background = context.background();
        ui = context.ui();
        Path logFolder = AppLog.current().map(AppLog::folder)
                .orElse(database.file().getParent().resolve(AppLog.FOLDER)); // where the log opening meanwhile will be
        actions = new HelpActions(window, database, context.controls().providers(), notice, logFolder, background, ui);
        MessageTextSetting messageText = new MessageTextSetting(new Settings(database), background, ui);
        requestLog = context.chat().addExchangeListener(new ExchangeLog(messageText::on));
        window.addOverlay(new FailureNotice(notice, actions::showDetails, actions::openLogFolder), Pos.TOP_RIGHT);
        window.setHelp(new HelpMenu(actions, messageText));
        toNotice = (where, failure) -> ui.run(() -> notice.failed(where, failure));
        Failures.setListener(toNotice);
        AppLog.whenStarted(log -> log.trouble().onTrouble(trouble -> ui.run(() -> notice.notice(trouble))));
        String screen = screen();
        background.execute(() -> LOG.log(System.Logger.Level.INFO, startLine(actions.dataFolder(), logFolder, screen)));
    }

    /**
     * Checks the whole database file now that the window is up, and tells the user when it is damaged.
     * On a platform thread of its own: the check is one native call of seconds, which would hold one of
     * the few carrier threads of the background executor's virtual threads.
     */
    @Override
    public void windowShown() {
        Thread.ofPlatform().daemon().name("integrity-check").start(() ->
                database.checkWhole().ifPresent(damaged -> ui.run(() -> notice.notice(damaged))));
    }

    /** The notice's state (for tests). */
    public FailureNoticeModel notice() { return notice; }

    private static String startLine(Path dataFolder, Path logFolder, String screen) {
        BuildInfo build = BuildInfo.current();
        return "Parley " + build.version() + " (" + build.commitLine() + ") window started: Java " + BuildInfo.java()
                + ", JavaFX " + System.getProperty("javafx.runtime.version", "unknown") + ", OS " + BuildInfo.os()
                + ", data folder " + dataFolder + ", log folder " + logFolder + ", " + screen;
    }

    private static String screen() {
        Screen primary = Screen.getPrimary();
        return "screen " + (int) primary.getBounds().getWidth() + "x" + (int) primary.getBounds().getHeight()
                + " at scale " + primary.getOutputScaleX() + " (" + Screen.getScreens().size() + " in all)";
    }

    @Override
    public void close() {
        requestLog.close();
        if (Failures.listener() == toNotice) Failures.setListener(null);
        AppLog.current().ifPresent(log -> log.trouble().onTrouble(trouble -> { }));
    }
}
