package parley.bench;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ApiError;
import parley.api.Usage;
import parley.chat.ChatSettings;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Check;
import parley.experiment.Experiment;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.experiment.Prompt;
import parley.experiment.SavedExperiment;
import parley.experiment.Target;
import parley.experiment.Verdict;
import parley.ui.chat.FrameClock;
import parley.ui.experiment.results.ResultsModel;
import parley.ui.experiment.results.ResultsView;

/**
 * Screenshots of an experiment's grid, a word diff and the rating columns, in Primer Light and Nord Dark, on Monocle:
 * three models × three temperatures with a check, one cell failed. The PNGs go to {@code assets/}
 * (or the folder named by {@code PARLEY_SCREENSHOTS}).
 *
 * <p>Run: {@code mvn -o -q test -Dtest=ResultsScreenshots -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ResultsScreenshots extends FxRobot {
    private static final List<Target> TARGETS = List.of(new Target("atlascloud", null, "deepseek-ai/deepseek-v3.2"),
            new Target("deepseek", null, "deepseek-chat"), new Target("local", "http://127.0.0.1:8080/v1", "qwen3-4b"));
    private static final String[][] REPLIES = {
        {"Sunlight scatters off the molecules of the air, and short blue wavelengths scatter far more than long red ones (Rayleigh scattering). So blue light reaches your eyes from every part of the sky.",
         "Air molecules scatter short wavelengths of sunlight much more strongly than long ones, so blue light is bounced across the whole sky and reaches us from every direction.",
         "Blue light has a short wavelength, and the tiny molecules of the atmosphere scatter it in all directions far more than red. Look anywhere away from the Sun and you see that scattered blue."},
        {"The sky is blue because molecules in the air scatter blue sunlight more than red sunlight (Rayleigh scattering), so blue comes at us from all over the sky.",
         "Because air molecules scatter blue sunlight more than red (Rayleigh scattering), blue light comes at us from all directions of the sky.",
         "Sunlight hitting the atmosphere gets scattered by nitrogen and oxygen; the blue part scatters most, painting the sky blue while sunsets, seen through more air, turn red."},
        {"Sunlight is scattered by air. Blue light scatters more, so the sky looks blue.",
         "The air scatters the blue part of sunlight the most, so we see a blue sky.",
         null},
    };
    private static final double[] TEMPERATURES = {0.2, 0.7, 1.2};

    @Test
    void shoot() throws Exception {
        Path out = Path.of(System.getenv().getOrDefault("PARLEY_SCREENSHOTS", "assets"));
        Files.createDirectories(out);
        Stage stage = FxToolkit.registerPrimaryStage();
        ResultsModel model = new ResultsModel(FrameClock.immediate());
        ResultsView[] view = new ResultsView[1];
        FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model.load(saved());
            view[0] = new ResultsView(model, new ResultsView.Actions() {
                public void continueChat(Cell cell) {}

                public void showCode(Cell cell) {}

                public void retry(Cell cell) {}
            });
            stage.setScene(new Scene(view[0], 1180, 720));
            stage.show();
        });
        for (String theme : List.of("light", "dark")) {
            interact(() -> Application.setUserAgentStylesheet(theme.equals("light")
                    ? new PrimerLight().getUserAgentStylesheet() : new NordDark().getUserAgentStylesheet()));
            interact(() -> view[0].show(ResultsView.Mode.GRID));
            save(stage.getScene(), out.resolve("screenshot-" + theme + "-experiment-grid.png"));
            interact(() -> view[0].diff(model.at(3), model.at(4)));
            save(stage.getScene(), out.resolve("screenshot-" + theme + "-experiment-diff.png"));
            interact(() -> view[0].show(ResultsView.Mode.RATING));
            save(stage.getScene(), out.resolve("screenshot-" + theme + "-experiment-rating.png"));
        }
    }

    private static SavedExperiment saved() {
        Experiment experiment = new Experiment("shots", "Why is the sky blue", Prompt.of(null,
                "Explain in two sentences why the sky is blue."), ChatSettings.defaults(), TARGETS,
                List.of(new ParamAxis("temperature", List.of(ParamValue.of(0.2), ParamValue.of(0.7), ParamValue.of(1.2)))),
                List.of(), 1, 4, List.of(new Check.Contains("scatter")), Instant.parse("2026-12-07T10:00:00Z"));
        List<CellResult> results = new ArrayList<>();
        for (int m = 0; m < TARGETS.size(); m++) {
            for (int t = 0; t < TEMPERATURES.length; t++) {
                int cell = m * TEMPERATURES.length + t;
                String reply = REPLIES[m][t];
                if (reply == null) {
                    results.add(new CellResult(cell, CellStatus.FAILED, "", "", null, null, false, null, null, 30_000, null,
                            new ApiError(ApiError.Kind.TIMEOUT, 0, null, "No answer from http://127.0.0.1:8080/v1 in 30 s"),
                            List.of(), null, Instant.now()));
                    continue;
                }
                int tokens = reply.length() / 4;
                long ttft = new long[] {420, 310, 95}[m] + t * 17L;
                double rate = new double[] {38.5, 52.0, 71.3}[m];
                BigDecimal cost = m == 2 ? null : new BigDecimal(m == 0 ? "0.000061" : "0.000048").multiply(BigDecimal.valueOf(tokens / 10.0));
                boolean pass = reply.contains("scatter");
                results.add(new CellResult(cell, CellStatus.COMPLETED, reply, "", "stop", new Usage(18, tokens, 18 + tokens, 0, 0),
                        false, cost, ttft, ttft + (long) (tokens / rate * 1000), rate, null,
                        List.of(new Verdict(0, pass, pass ? "contains \"scatter\"" : "no \"scatter\"", null, null)),
                        m == 1 && t == 0 ? 5 : null, Instant.now()));
            }
        }
        return new SavedExperiment(experiment, results);
    }

    private void save(Scene scene, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] image = new BufferedImage[1];
        interact(() -> {
            WritableImage shot = scene.snapshot(null);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            image[0] = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            image[0].setRGB(0, 0, w, h, argb, 0, w);
        });
        ImageIO.write(image[0], "png", file.toFile());
        System.out.println("saved " + file);
    }
}
