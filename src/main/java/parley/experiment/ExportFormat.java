package parley.experiment;

import java.util.Locale;

/** The files a saved experiment exports to, with their usual extension. */
public enum ExportFormat {
    JSON("json"), MARKDOWN("md"), HTML("html"), CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() { return extension; }

    /** The format a file name's extension asks for (.json, .md, .html), if any. */
    public static java.util.Optional<ExportFormat> forFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (lower.endsWith("." + format.extension) || (format == HTML && lower.endsWith(".htm"))
                    || (format == MARKDOWN && lower.endsWith(".markdown"))) {
                return java.util.Optional.of(format);
            }
        }
        return java.util.Optional.empty();
    }
}
