package parley;

import java.util.List;
import parley.ui.DesktopApp;
import parley.ui.StartupSmoke;

/** No arguments: the window. A subcommand: the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (StartupSmoke.requested(List.of(args))) { // start-up check for installers: window, first frame, exit
            DesktopApp.launch(args);
            return;
        }
        DesktopApp.launch(args);
    }
}
