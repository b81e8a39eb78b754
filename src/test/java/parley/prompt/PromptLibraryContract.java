package parley.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import parley.store.SqlStore;

/** What the prompt library does on either database; each subclass gives it one. */
abstract class PromptLibraryContract {
    abstract SqlStore store();

    PromptLibrary library(String member) {
        return new PromptLibrary(store(), new Author(member, member.isEmpty() ? "" : member + "-pc"), Clock.systemUTC());
    }

    static PromptDraft draft(String text, Map<String, Object> params) {
        return new PromptDraft("You are terse.", text, "deepseek-ai/deepseek-v3.2", params, null);
    }

    @Test
    void savesVersionsOnlyWhenSomethingChanged() {
        PromptLibrary library = library("");
        PromptLibrary.Saved first = library.save("summary", draft("Summarise {{topic}}.", Map.of("temperature", 0.2)));
        PromptLibrary.Saved same = library.save("summary", new PromptDraft("You are terse.", "Summarise {{topic}}.",
                "deepseek-ai/deepseek-v3.2", Map.of("temperature", 0.2), "only a note"));
        PromptLibrary.Saved second = library.save("summary", draft("Summarise {{topic}} in {{words}} words.",
                Map.of("temperature", 0.2, "max_tokens", 200)));

        assertThat(first.created()).isTrue();
        assertThat(first.version().version()).isEqualTo(1);
        assertThat(same.created()).isFalse();
        assertThat(same.version().version()).isEqualTo(1);
        assertThat(second.version().version()).isEqualTo(2);
        assertThat(library.history("summary")).extracting(PromptVersion::version).containsExactly(1, 2);
        PromptVersion shown = library.show("summary").orElseThrow();
        assertThat(shown.params()).containsEntry("max_tokens", 200).containsEntry("temperature", 0.2);
        assertThat(shown.variables()).containsExactly("topic", "words");
        assertThat(library.show("summary", 1).orElseThrow().text()).isEqualTo("Summarise {{topic}}.");
    }

    @Test
    void listsTheNewestVersionOfEachName() {
        PromptLibrary library = library("");
        library.save("b-translate", draft("Translate {{text}}.", Map.of()));
        library.save("a-summary", draft("Summarise.", Map.of()));
        library.save("a-summary", draft("Summarise briefly.", Map.of()));

        assertThat(library.list()).extracting(PromptVersion::name, PromptVersion::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-summary", 2), org.assertj.core.groups.Tuple.tuple("b-translate", 1));
    }

    @Test
    void refusesBadNamesAndMissingVersionsWithWhatToDo() {
        PromptLibrary library = library("");
        assertThatThrownBy(() -> library.save("  ", draft("x", Map.of()))).hasMessageContaining("give it a name");
        assertThatThrownBy(() -> library.save("a\nb", draft("x", Map.of()))).hasMessageContaining("one line");
        assertThatThrownBy(() -> library.save("empty", draft(" ", Map.of()))).hasMessageContaining("text is empty");
        library.save("one", draft("x", Map.of()));
        assertThatThrownBy(() -> library.diff("one", 1, 3)).hasMessage("one has no version 3: it has versions 1 to 1.");
        assertThatThrownBy(() -> library.diff("none", 1, 2)).hasMessage("There is no prompt named none.");
    }

    @Test
    void diffShowsTheChangedLinesModelAndParameters() {
        PromptLibrary library = library("");
        library.save("review", new PromptDraft(null, "Read the code.\nList the bugs.", "m1", Map.of("temperature", 0.2, "seed", 7), null));
        library.save("review", new PromptDraft("Be kind.", "Read the code.\nList the bugs and fixes.", "m2",
                Map.of("temperature", 0.5, "max_tokens", 300), "asks for fixes"));

        PromptDiff diff = library.diff("review", 1, 2);

        assertThat(diff.textLines()).contains("-List the bugs.", "+List the bugs and fixes.", " Read the code.");
        assertThat(diff.systemLines()).contains("+Be kind.");
        assertThat(diff.model()).isEqualTo(new PromptDiff.Change("model", "m1", "m2"));
        assertThat(diff.params()).extracting(PromptDiff.Change::describe)
                .containsExactly("max_tokens: (none) -> 300", "seed: 7 -> (none)", "temperature: 0.2 -> 0.5");
        assertThat(library.diff("review", 2, 2).format()).isEqualTo("v2 and v2 hold the same prompt.\n");
    }

    @Test
    void twoMembersSeeEveryVersionWithWhoSavedIt() {
        PromptLibrary ada = library("ada");
        PromptLibrary bo = library("bo");
        ada.save("support", draft("Answer {{question}}.", Map.of()));
        bo.save("support", draft("Answer {{question}} politely.", Map.of()));
        ada.save("support", draft("Answer {{question}} politely, in {{language}}.", Map.of()));

        for (PromptLibrary member : List.of(ada, bo)) {
            assertThat(member.history("support")).extracting(v -> v.version() + " " + v.author().member() + " " + v.author().computer())
                    .containsExactly("1 ada ada-pc", "2 bo bo-pc", "3 ada ada-pc");
        }
    }

    @Test
    void concurrentSavesOfOneNameLoseNoVersionAndLeaveNoGap() throws Exception {
        int perThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String member : List.of("ada", "bo")) {
                PromptLibrary library = library(member);
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(library.save("race", draft(member + " " + i, Map.of())).version().version());
                    }
                    return numbers;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> r : results) all.addAll(r.get());
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
        }
        List<PromptVersion> history = library("").history("race");
        assertThat(history).extracting(PromptVersion::version).containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
        assertThat(history).filteredOn(v -> v.author().member().equals("bo")).hasSize(perThread);
    }
}
