package parley;

import parley.ui.DesktopApp;

/** No arguments: the window. A subcommand: the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        DesktopApp.launch(args);
    }
}
