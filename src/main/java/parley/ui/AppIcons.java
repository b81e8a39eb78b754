package parley.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The window icons, generated from assets/parley.svg by installer/make-icons.sh. */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {}

    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            InputStream png = AppIcons.class.getResourceAsStream("icons/parley-" + size + ".png");
            if (png != null) {
                icons.add(new Image(png));
            }
        }
        return icons;
    }
}
