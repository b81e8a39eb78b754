package parley.ui.markdown;

/** What happens when a link in rendered Markdown is clicked. Nothing opens without it. */
@FunctionalInterface
public interface LinkHandler {
    void clicked(String url);

    /** Ignores clicks. */
    LinkHandler NONE = url -> {};
}
