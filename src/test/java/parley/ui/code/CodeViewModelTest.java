package parley.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.codegen.CodeRequest;
import parley.ui.UiThread;

class CodeViewModelTest {
    private final AtomicReference<CodeRequest> current = new AtomicReference<>(request("hello"));
    private final List<Runnable> queued = new ArrayList<>();

    private static CodeRequest request(String text) {
        return new CodeRequest("https://api.atlascloud.ai/v1", "ATLASCLOUD_API_KEY",
                ChatRequest.of("deepseek-ai/deepseek-v3.2-speciale", List.of(ChatMessage.user(text))));
    }

    private CodeViewModel direct() {
        return new CodeViewModel(current::get, Runnable::run, UiThread.DIRECT, Duration.ZERO);
    }

    @Test
    void showsTheSnippetOfTheChosenLanguageForTheCurrentRequest() {
        CodeViewModel vm = direct();
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(CodeViewModel.State.READY);
        assertThat(vm.codeProperty().get()).contains("\ncurl 'https://api.atlascloud.ai/v1/chat/completions'")
                .contains("\"content\": \"hello\"");

        assertThat(vm.selectLanguage("python-requests")).isTrue();
        assertThat(vm.codeProperty().get()).contains("import requests");
        assertThat(vm.suggestedFileName()).isEqualTo("main.py");
    }

    @Test
    void followsTheRequestWhenRefreshed() {
        CodeViewModel vm = direct();
        vm.refresh();
        current.set(request("a new question"));
        vm.refresh();
        assertThat(vm.codeProperty().get()).contains("a new question").doesNotContain("\"hello\"");
    }

    @Test
    void generatesInTheBackgroundAndShowsOnlyTheNewestResult() {
        CodeViewModel vm = new CodeViewModel(current::get, queued::add, UiThread.DIRECT, Duration.ZERO);
        vm.refresh();
        current.set(request("second"));
        vm.refresh();
        assertThat(vm.codeProperty().get()).as("nothing generated on the calling thread").isEmpty();
        assertThat(queued).hasSize(2);

        queued.forEach(Runnable::run);

        assertThat(vm.codeProperty().get()).contains("second").doesNotContain("hello");
    }

    @Test
    void explainsWhyThereIsNoCodeWhenTheSettingsAreIncomplete() {
        CodeViewModel vm = new CodeViewModel(() -> {
            throw new IllegalArgumentException("choose a model first");
        }, Runnable::run, UiThread.DIRECT, Duration.ZERO);
        vm.refresh();
        assertThat(vm.stateProperty().get()).isEqualTo(CodeViewModel.State.ERROR);
        assertThat(vm.messageProperty().get()).isEqualTo("choose a model first");
        assertThat(vm.codeProperty().get()).isEmpty();
    }

    @Test
    void copyAndSaveReportWhatHappened(@TempDir Path dir) throws Exception {
        CodeViewModel vm = direct();
        vm.refresh();
        vm.copied();
        assertThat(vm.noticeProperty().get()).isEqualTo("Copied to the clipboard");

        Path file = dir.resolve("request.sh");
        vm.saveTo(file);
        assertThat(Files.readString(file)).isEqualTo(vm.codeProperty().get());
        assertThat(vm.noticeProperty().get()).isEqualTo("Saved to request.sh");

        vm.saveTo(dir.resolve("missing-folder/request.sh"));
        assertThat(vm.noticeProperty().get()).startsWith("could not save");
    }

    @Test
    void everyLanguageReadsTheKeyFromItsVariable() {
        CodeViewModel vm = direct();
        for (var language : vm.languages()) {
            vm.selectLanguage(language);
            vm.refresh();
            assertThat(vm.codeProperty().get()).contains("ATLASCLOUD_API_KEY");
        }
    }
}
