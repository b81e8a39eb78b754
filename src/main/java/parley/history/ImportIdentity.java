package parley.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ids an imported conversation is stored under, derived from what it holds: importing the same
 * conversation again (the same file, or the same conversation in an export of all) finds it stored
 * and adds nothing. A conversation imported into the history it came from is a copy beside it.
 */
final class ImportIdentity {
    private ImportIdentity() {}

    static SavedConversation assign(SavedConversation conversation) {
        String id = UUID.nameUUIDFromBytes(("parley.import\n" + ConversationJson.write(conversation))
                .getBytes(StandardCharsets.UTF_8)).toString();
        List<SavedMessage> messages = new ArrayList<>();
        for (int i = 0; i < conversation.messages().size(); i++) {
            String messageId = UUID.nameUUIDFromBytes((id + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            messages.add(conversation.messages().get(i).withId(messageId));
        }
        return conversation.withId(id).withMessages(messages);
    }
}
