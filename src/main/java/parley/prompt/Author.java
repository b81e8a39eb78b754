package parley.prompt;

/** Who saves a version and on which computer; both empty in the personal library. */
public record Author(String member, String computer) {
    public static final Author PERSONAL = new Author("", "");

    public Author {
        member = member == null ? "" : member;
        computer = computer == null ? "" : computer;
    }
}
