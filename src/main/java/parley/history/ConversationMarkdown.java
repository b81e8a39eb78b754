package parley.history;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import parley.api.Choice;
import parley.api.Usage;

/**
 * A conversation as Markdown, for reading and sharing: headed messages, reasoning quoted, tool calls
 * with their arguments and tool results as code blocks, the other choices, how each reply was made.
 */
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
        if (m.toolCallId() != null) {
            md.append(" · ").append(m.name() == null ? "" : "`" + m.name() + "` ").append("(").append(m.toolCallId())
                    .append(')');
        }
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
        if (m.toolCallId() != null) {
            md.append(MarkdownBlocks.fenced(m.content(), MarkdownBlocks.isJson(m.content()) ? "json" : ""));
        } else if (!m.content().isBlank() || m.toolCalls().isEmpty()) {
            md.append(m.content().strip()).append("\n\n");
        }
        m.toolCalls().forEach(call -> md.append(MarkdownBlocks.toolCall(call)));
        if (m.choices().size() > 1) {
            appendOtherChoices(md, m);
        }
        if (!m.logprobs().isEmpty()) {
            md.append("*").append(MarkdownBlocks.logprobs(m.logprobs())).append("*\n\n");
        }
        if (m.error() != null) {
            md.append("*Error: ").append(oneLine(m.error())).append("*\n\n");
        }
        if (m.usage() != null) {
            md.append("*").append(usage(m.usage())).append("*\n\n");
        }
    }

    private static void appendOtherChoices(StringBuilder md, SavedMessage m) {
        md.append("*Choice ").append(m.chosen() + 1).append(" of ").append(m.choices().size())
                .append(" continued the conversation.*\n\n");
        for (int i = 0; i < m.choices().size(); i++) {
            if (i == m.chosen()) {
                continue;
            }
            Choice choice = m.choices().get(i);
            md.append("### Choice ").append(i + 1).append("\n\n");
            if (choice.content() != null && !choice.content().isBlank()) {
                md.append(choice.content().strip()).append("\n\n");
            }
            choice.toolCalls().forEach(call -> md.append(MarkdownBlocks.toolCall(call)));
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
