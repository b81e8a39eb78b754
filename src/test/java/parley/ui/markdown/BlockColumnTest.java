package parley.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.ui.markdown.MarkdownRendererTest.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class BlockColumnTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A block whose height is its width's tenth, counting how often it is measured. */
    static final class CountingBlock extends Region {
        int measured;

        @Override
        protected double computePrefHeight(double width) {
            measured++;
            return width / 10;
        }
    }

    @Test
    void blocksAreMeasuredOncePerWidthEvenWhenTwoWidthsAlternate() throws Exception {
        List<CountingBlock> blocks = new ArrayList<>();
        BlockColumn column = onFx(() -> {
            BlockColumn c = new BlockColumn(4);
            for (int i = 0; i < 100; i++) blocks.add(new CountingBlock());
            c.getChildren().addAll(blocks);
            new javafx.scene.Scene(c, 500, 400);
            c.applyCss();
            c.layout();
            blocks.forEach(b -> b.measured = 0);
            return c;
        });
        double[] heights = onFx(() -> {
            double[] h = new double[6];
            for (int i = 0; i < 6; i++) h[i] = column.prefHeight(i % 2 == 0 ? 500 : 485);
            return h;
        });

        assertThat(heights[0]).isEqualTo(100 * 50 + 99 * 4);
        assertThat(heights[1]).isEqualTo(100 * 48.5 + 99 * 4, org.assertj.core.data.Offset.offset(100.0));
        assertThat(heights[4]).isEqualTo(heights[0]);
        assertThat(blocks).allSatisfy(b -> assertThat(b.measured).as("measured at 485 once; 500 was known").isEqualTo(1));
    }

    @Test
    void aBlockThatAsksForANewLayoutIsMeasuredAgain() throws Exception {
        CountingBlock block = new CountingBlock();
        BlockColumn column = onFx(() -> {
            BlockColumn c = new BlockColumn(0);
            c.getChildren().add(block);
            new javafx.scene.Scene(c, 300, 400);
            c.applyCss();
            c.layout();
            return c;
        });
        int before = block.measured;
        onFx(() -> { block.requestLayout(); return column.prefHeight(300); });
        assertThat(block.measured).isEqualTo(before + 1);
    }
}
