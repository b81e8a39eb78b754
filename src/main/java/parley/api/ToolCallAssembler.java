package parley.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the {@link StreamEvent.ToolCallPiece}s of one choice into whole {@link ToolCall}s: by index,
 * in the order the calls first appeared; the arguments' parts are concatenated as they came (a part
 * may end inside a character: the text is only read once whole). A piece with a new id at an index
 * whose call already has another id starts a new call (some servers number every call 0).
 */
final class ToolCallAssembler {
    private final List<Builder> calls = new ArrayList<>();
    private final Map<Integer, Builder> byIndex = new HashMap<>();

    void add(StreamEvent.ToolCallPiece piece) {
        Builder call = byIndex.get(piece.index());
        if (call == null || (piece.id() != null && call.id != null && !call.id.equals(piece.id()))) {
            call = new Builder();
            calls.add(call);
            byIndex.put(piece.index(), call);
        }
        call.add(piece);
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    List<ToolCall> calls() {
        List<ToolCall> whole = new ArrayList<>(calls.size());
        for (Builder call : calls) {
            whole.add(call.build());
        }
        return whole;
    }

    private static final class Builder {
        private String id;
        private String type;
        private String name;
        private StringBuilder arguments;

        void add(StreamEvent.ToolCallPiece piece) {
            if (id == null) {
                id = piece.id();
            }
            if (type == null) {
                type = piece.type();
            }
            if (name == null) {
                name = piece.name();
            }
            if (piece.arguments() != null) {
                if (arguments == null) {
                    arguments = new StringBuilder();
                }
                arguments.append(piece.arguments());
            }
        }

        ToolCall build() {
            return new ToolCall(id, type == null ? Tool.FUNCTION : type,
                    new ToolCall.Function(name, arguments == null ? "" : arguments.toString()));
        }
    }
}
