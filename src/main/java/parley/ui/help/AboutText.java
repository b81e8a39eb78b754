package parley.ui.help;

import parley.about.BuildInfo;
import parley.about.Licence;
import parley.about.Licences;

/** The text of About Parley: the build, the runtime and the licences of the bundled libraries. */
final class AboutText {
    private AboutText() {}

    static String of(BuildInfo build) {
        StringBuilder text = new StringBuilder()
                .append("Parley ").append(build.version()).append('\n')
                .append("A desktop playground for OpenAI-compatible chat models.").append("\n\n")
                .append("Commit:  ").append(build.commitLine()).append('\n')
                .append("Java:    ").append(BuildInfo.java()).append('\n')
                .append("JavaFX:  ").append(System.getProperty("javafx.runtime.version", "unknown")).append('\n')
                .append("OS:      ").append(BuildInfo.os()).append("\n\n")
                .append("Bundled libraries and their licences:").append('\n');
        for (Licence l : Licences.bundled()) {
            text.append("  ").append(l.library()).append(' ').append(l.version())
                    .append(" — ").append(l.licence()).append(" — ").append(l.url()).append('\n');
        }
        return text.toString();
    }
}
