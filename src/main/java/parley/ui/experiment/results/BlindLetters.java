package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Letters "A", "B", … given to an axis's values in a shuffled order, so a letter does not tell which value it hides. */
final class BlindLetters {
    private BlindLetters() {}

    /** Each value's letter; iterating the map goes through the letters in order (A first). */
    static Map<String, String> of(List<String> values, Random random) {
        List<String> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        Map<String, String> letters = new LinkedHashMap<>();
        for (int i = 0; i < shuffled.size(); i++) letters.put(shuffled.get(i), letter(i));
        return letters;
    }

    /** A … Z, then AA, AB, … */
    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : letter(i / 26 - 1) + (char) ('A' + i % 26);
    }
}
