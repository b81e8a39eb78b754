package parley.history;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import parley.api.Usage;

/** A conversation as Markdown, for reading and sharing: headed messages, reasoning quoted, how each reply was made. */
public final class ConversationMarkdown {
    private ConversationMarkdown() {}

    public static String write(SavedConversation conversation) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(conversation.title())).append("\n\n");
        if (conversation.provider() != null || conversation.model() != null) {
            md.append("*").append(join(conversation.provider(), conversation.model())).append("*\n\n");
        }
        if (!conversation.systemPrompt().isEmpty()) {
            md.append("## System\n\n").append(conversation.systemPrompt().strip()).append("\n\n");
        }
        for (SavedMessage m : conversation.messages()) {
            appendMessage(md, m);
        }
        Usage total = ConversationJson.totalUsage(conversation.messages());
        if (total != null) {
            md.append("---\n\nTotal: ").append(usage(total)).append('\n');
        }
        return md.toString();
    }

    private static void appendMessage(StringBuilder md, SavedMessage m) {
        md.append("## ").append(heading(m.role()));
        if (!SavedMessage.COMPLETE.equals(m.status())) {
            md.append(" (").append(m.status().toLowerCase(Locale.ROOT)).append(')');
        }
        md.append("\n\n");
        if (m.model() != null || m.parameters() != null) {
            md.append("*").append(join(m.model(), parameters(m.parameters()))).append("*\n\n");
        }
        if (!m.reasoning().isEmpty()) {
            md.append(m.reasoning().strip().lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                    .collect(Collectors.joining("\n"))).append("\n\n");
        }
        md.append(m.content().strip()).append("\n\n");
        if (m.error() != null) {
            md.append("*Error: ").append(oneLine(m.error())).append("*\n\n");
        }
        if (m.usage() != null) {
            md.append("*").append(usage(m.usage())).append("*\n\n");
        }
    }

    private static String heading(String role) {
        return role.isEmpty() ? role : Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    private static String parameters(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String usage(Usage u) {
        return "tokens: " + n(u.promptTokens()) + " in, " + n(u.completionTokens()) + " out"
                + (u.reasoningTokens() == null ? "" : " (" + u.reasoningTokens() + " reasoning)")
                + (u.cachedTokens() == null ? "" : ", " + u.cachedTokens() + " cached");
    }

    private static String n(Integer value) {
        return value == null ? "?" : value.toString();
    }

    private static String join(String a, String b) {
        if (a == null) return b == null ? "" : b;
        return b == null ? a : a + " · " + b;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
