package parley.ui.experiment.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import parley.ui.experiment.results.WordDiff.Kind;
import parley.ui.experiment.results.WordDiff.Piece;

class WordDiffTest {
    @Test
    void changedWordsAreDeletedAndInsertedTheRestKept() {
        assertThat(WordDiff.of("The quick brown fox jumps.", "The slow brown fox leaps high."))
                .containsExactly(new Piece(Kind.SAME, "The "), new Piece(Kind.DELETED, "quick"),
                        new Piece(Kind.INSERTED, "slow"), new Piece(Kind.SAME, " brown fox "),
                        new Piece(Kind.DELETED, "jumps"), new Piece(Kind.INSERTED, "leaps high"),
                        new Piece(Kind.SAME, "."));
    }

    @Test
    void theFirstAndSecondTextCanBeReadBackFromThePieces() {
        String a = "Ein Satz, mit Kommas; und 3 Zahlen: 1, 2 — ok?\nZweite Zeile.";
        String b = "Ein Satz mit Kommas und 4 Zahlen: 1, 2, 3 — ok!\n\nDritte Zeile.";
        List<Piece> pieces = WordDiff.of(a, b);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (Piece p : pieces) {
            if (p.kind() != Kind.INSERTED) first.append(p.text());
            if (p.kind() != Kind.DELETED) second.append(p.text());
        }
        assertThat(first.toString()).isEqualTo(a);
        assertThat(second.toString()).isEqualTo(b);
    }

    @Test
    void equalTextsAreOnePieceAndEmptyOnesNone() {
        assertThat(WordDiff.of("same words", "same words")).containsExactly(new Piece(Kind.SAME, "same words"));
        assertThat(WordDiff.of("", "")).isEmpty();
        assertThat(WordDiff.of("", "new")).containsExactly(new Piece(Kind.INSERTED, "new"));
    }
}
