package parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import parley.api.ChatMessage;
import parley.api.ExtendedParameters;
import parley.api.ToolCall;

/** The messages of one chat, in memory, in order. Safe to read from any thread. */
public final class Conversation {
    private final String id;
    private final List<Message> messages = new ArrayList<>();

    public Conversation() {
        this(UUID.randomUUID().toString());
    }

    public Conversation(String id) {
        this.id = id;
    }

    /** A conversation that was saved earlier, with its id and messages in order. */
    public static Conversation restore(String id, List<Message> saved) {
        Conversation conversation = new Conversation(id);
        for (Message m : saved) {
            boolean unfinished = m.status() == MessageStatus.STREAMING;
            // a reply that was still arriving when the app stopped can no longer finish
            conversation.messages.add(unfinished ? m.ended(MessageStatus.TRUNCATED, m.error()) : m);
        }
        return conversation;
    }

    public String id() {
        return id;
    }

    /** A snapshot of the messages. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized int size() {
        return messages.size();
    }

    public synchronized Optional<Message> find(String messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    public synchronized Optional<Message> last() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
    }

    /**
     * The messages as they go into the next request, in order: an empty reply (failed before anything
     * arrived) is left out, a partial one stays, as the user saw it; tool calls and their results go
     * in pairs (see {@link WireMessages}).
     */
    public synchronized List<ChatMessage> history() {
        return WireMessages.of(messages, ExtendedParameters.NONE);
    }

    /** {@link #history()} for a request with these extended parameters (its tools decide on reasoning sent back). */
    public synchronized List<ChatMessage> history(ExtendedParameters extended) {
        return WireMessages.of(messages, extended);
    }

    /** The last message's tool calls when it is a reply that asked for tools and no result has come yet. */
    public synchronized List<ToolCall> pendingToolCalls() {
        if (messages.isEmpty() || !messages.getLast().isAssistant()) {
            return List.of();
        }
        return messages.getLast().toolCalls();
    }

    synchronized Message append(String role, String content, MessageStatus status) {
        Message message = new Message(UUID.randomUUID().toString(), role, content, "", status, null);
        messages.add(message);
        return message;
    }

    synchronized void append(Message message) {
        messages.add(message);
    }

    synchronized void replace(Message message) {
        int index = indexOf(message.id());
        if (index >= 0) {
            messages.set(index, message);
        }
    }

    /** Removes the message and returns whether it was there. */
    synchronized boolean remove(String messageId) {
        return messages.removeIf(m -> m.id().equals(messageId));
    }

    /** Removes every message after the given one. */
    synchronized void truncateAfter(String messageId) {
        int index = indexOf(messageId);
        if (index >= 0) {
            messages.subList(index + 1, messages.size()).clear();
        }
    }

    synchronized int indexOf(String messageId) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(messageId)) {
                return i;
            }
        }
        return -1;
    }
}
