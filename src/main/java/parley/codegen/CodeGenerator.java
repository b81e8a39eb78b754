package parley.codegen;

/** Turns a request into source text in one language. Implementations are pure functions. */
public interface CodeGenerator {

    /** The name used on the command line and in tests, e.g. {@code python-requests}. */
    String id();

    /** The name the code panel shows, e.g. {@code Python (requests)}. */
    String label();

    /** A file name to save the snippet under, e.g. {@code main.py}. */
    String fileName();

    String generate(CodeRequest request);
}
