package parley.chat;

import parley.api.ChatBackend;

/**
 * Gives the backend that serves the given settings (provider, base URL, key). Throws
 * {@link IllegalArgumentException} with a one-line message when the settings cannot be served,
 * e.g. an unknown provider, a malformed base URL or a missing key.
 */
@FunctionalInterface
public interface BackendFactory {
    ChatBackend backendFor(ChatSettings settings);
}
