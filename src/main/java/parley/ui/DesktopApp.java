package parley.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import parley.provider.ProviderProfile;

/** The JavaFX application. Started through {@link parley.Main}, which does not extend Application. */
public final class DesktopApp extends Application {
    public static void launch(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        ProviderProfile atlas = new ProviderProfile("atlascloud", "Atlas Cloud",
                "https://api.atlascloud.ai/v1", "ATLASCLOUD_API_KEY",
                "deepseek-ai/deepseek-v3.2-speciale", false);
        stage.setTitle("Parley");
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(new Scene(new Label(atlas.name() + " · " + atlas.defaultModel()), 1000, 700));
        stage.show();
        if (StartupSmoke.requested(getParameters().getRaw())) {
            StartupSmoke.exitAfterFirstFrame(stage);
        }
    }
}
