package parley.ui.prompts;

import parley.prompt.PromptVersion;

/** A line of the library's list: a prompt's newest version, from the personal library or the team's. */
public record PromptEntry(PromptVersion newest, boolean team) {
    /** The line as the list shows it. */
    public String label() {
        return newest.name() + " · v" + newest.version() + (team ? " · team" : "");
    }
}
