import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline for installer/bench-startup.sh: an empty JavaFX window, packaged exactly
 * like Parley, that reports its first frame the way Parley's --smoke does.
 */
public final class BareWindow {
    private BareWindow() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(parley.StartArchive.FLAG)) { // as Parley's install scripts run it
            System.exit(parley.StartArchive.writeForLauncher(System.out, System.err));
        }
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new Label("bare window"), 1360, 860));
            stage.show();
            if (getParameters().getRaw().contains("--smoke")) {
                new AnimationTimer() {
                    private int pulses;

                    @Override
                    public void handle(long now) {
                        if (!stage.isShowing() || ++pulses < 2) {
                            return;
                        }
                        stop();
                        System.out.println("first frame after " + parley.LaunchClock.millisSinceLaunch() + " ms since launch ("
                                + parley.LaunchClock.millisSinceJvmStart() + " ms since JVM start)");
                        System.out.flush();
                        Platform.exit();
                        System.exit(0);
                    }
                }.start();
            }
        }
    }
}
