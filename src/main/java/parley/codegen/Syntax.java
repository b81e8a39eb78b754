package parley.codegen;

/** The tokens of one language's literals for JSON values; {@link LiteralWriter} does the layout. */
interface Syntax {
    String string(String text);

    /** An object key with its separator, e.g. {@code "model": } or {@code model: }. */
    String key(String name);

    String bool(boolean value);

    String nullValue();

    String objectOpen();

    String objectClose();

    String arrayOpen();

    String arrayClose();

    /** Spaces inside the braces of an object written on one line ({@code { a: 1 }}). */
    default boolean padInlineObjects() { return false; }

    /** Whether the values of a multi-line object line up in one column, as gofmt writes them. */
    default boolean alignKeys() { return false; }

    /** Whether the last element of a multi-line container also gets a comma. */
    default boolean trailingComma() { return true; }

    Syntax JSON = new Syntax() {
        public String string(String text) { return Quote.json(text); }
        public String key(String name) { return Quote.json(name) + ": "; }
        public String bool(boolean value) { return Boolean.toString(value); }
        public String nullValue() { return "null"; }
        public String objectOpen() { return "{"; }
        public String objectClose() { return "}"; }
        public String arrayOpen() { return "["; }
        public String arrayClose() { return "]"; }
        @Override public boolean trailingComma() { return false; }
    };

    Syntax PYTHON = new Syntax() {
        public String string(String text) { return Quote.cStyle(text); }
        public String key(String name) { return Quote.cStyle(name) + ": "; }
        public String bool(boolean value) { return value ? "True" : "False"; }
        public String nullValue() { return "None"; }
        public String objectOpen() { return "{"; }
        public String objectClose() { return "}"; }
        public String arrayOpen() { return "["; }
        public String arrayClose() { return "]"; }
    };

    Syntax JAVASCRIPT = new Syntax() {
        public String string(String text) { return Quote.cStyle(text); }
        public String key(String name) {
            return (name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? name : Quote.cStyle(name)) + ": ";
        }
        public String bool(boolean value) { return Boolean.toString(value); }
        public String nullValue() { return "null"; }
        public String objectOpen() { return "{"; }
        public String objectClose() { return "}"; }
        public String arrayOpen() { return "["; }
        public String arrayClose() { return "]"; }
        @Override public boolean padInlineObjects() { return true; }
    };

    Syntax GO = new Syntax() {
        public String string(String text) { return Quote.cStyle(text); }
        public String key(String name) { return Quote.cStyle(name) + ": "; }
        public String bool(boolean value) { return Boolean.toString(value); }
        public String nullValue() { return "nil"; }
        public String objectOpen() { return "map[string]any{"; }
        public String objectClose() { return "}"; }
        public String arrayOpen() { return "[]any{"; }
        public String arrayClose() { return "}"; }
        @Override public boolean alignKeys() { return true; }
    };
}
