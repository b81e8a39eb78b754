package parley.prompt;

import java.util.List;

/**
 * Copies a personal prompt with its whole history into a team's library. A name the team does not
 * have gets every version; a name it has already is taken only when its versions are the start of
 * this prompt's own (it was shared from here before): then only the newer ones are added. Any other
 * name is refused with what to do, so no one's versions are mixed into another's prompt.
 */
public final class PromptSharing {
    private PromptSharing() {}

    /** The versions added to the team's prompt; empty when the team has every one already. */
    public static List<PromptVersion> share(PromptLibrary personal, PromptLibrary team, String name) {
        List<PromptVersion> mine = personal.history(PromptLibrary.checkName(name));
        if (mine.isEmpty()) throw new IllegalArgumentException("There is no personal prompt named " + name.strip() + ".");
        List<PromptVersion> theirs = team.history(mine.getFirst().name());
        if (!startsWith(mine, theirs)) {
            throw new IllegalArgumentException("The team has a prompt named " + mine.getFirst().name()
                    + " with other versions: save yours under another name and share that, or save your text as a new "
                    + "version of the team's (prompt save NAME --team).");
        }
        return team.append(mine.getFirst().name(), mine.subList(theirs.size(), mine.size()));
    }

    private static boolean startsWith(List<PromptVersion> mine, List<PromptVersion> theirs) {
        if (theirs.size() > mine.size()) return false;
        for (int i = 0; i < theirs.size(); i++) {
            PromptVersion a = mine.get(i);
            PromptVersion b = theirs.get(i);
            if (!a.draft().equals(b.draft()) || !a.savedAt().equals(b.savedAt())) return false;
        }
        return true;
    }
}
