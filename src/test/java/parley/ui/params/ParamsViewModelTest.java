package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import parley.preset.ParameterSet;

class ParamsViewModelTest {
    private final ParamsViewModel vm = new ParamsViewModel();

    @Test
    void startsWithTheSeedDefaultsAndOnlyMaxTokensAndTemperatureSent() {
        ParameterSet set = vm.snapshot();
        assertThat(set.maxTokens()).isEqualTo(1024);
        assertThat(set.temperature()).isEqualTo(0.7);
        assertThat(set.topP()).isNull();
        assertThat(set.frequencyPenalty()).isNull();
        assertThat(set.presencePenalty()).isNull();
        assertThat(set.stream()).isTrue();
    }

    @Test
    void valuesAreHeldInsideTheSeedBounds() {
        vm.temperature().set(5);
        vm.topP().set(-1);
        vm.presencePenalty().set(-3);
        vm.maxTokens().set(0);
        assertThat(vm.temperature().value()).isEqualTo(2.0);
        assertThat(vm.topP().value()).isEqualTo(0.0);
        assertThat(vm.presencePenalty().value()).isEqualTo(-2.0);
        assertThat(vm.maxTokens().value()).isEqualTo(1.0);
    }

    @Test
    void typedTextOutOfBoundsOrNotANumberIsRefusedWithAMessageAndTheValueKept() {
        assertThat(vm.temperature().setText("2.5")).isFalse();
        assertThat(vm.temperature().messageProperty().get()).isEqualTo("temperature must be 0 to 2.");
        assertThat(vm.temperature().value()).isEqualTo(0.7);
        assertThat(vm.maxTokens().setText("12.5")).isFalse();
        assertThat(vm.maxTokens().messageProperty().get()).contains("whole number");
        assertThat(vm.topP().setText("abc")).isFalse();
        assertThat(vm.topP().messageProperty().get()).contains("not \"abc\"");
        assertThat(vm.topP().setText("NaN")).isFalse();
        assertThat(vm.temperature().setText(" 1,3 ")).isTrue();
        assertThat(vm.temperature().value()).isEqualTo(1.3);
        assertThat(vm.temperature().messageProperty().get()).isEmpty();
    }

    @Test
    void aSwitchedOffParameterIsLeftOut() {
        vm.temperature().setIncluded(false);
        vm.topP().setIncluded(true);
        vm.topP().set(0.9);
        assertThat(vm.snapshot().temperature()).isNull();
        assertThat(vm.snapshot().topP()).isEqualTo(0.9);
    }

    @Test
    void aFifthStopSequenceIsRefusedWithAMessage() {
        for (String s : List.of("a", "b", "c", "d")) assertThat(vm.addStop(s)).isTrue();
        assertThat(vm.addStop("e")).isFalse();
        assertThat(vm.stops()).containsExactly("a", "b", "c", "d");
        assertThat(vm.messageProperty().get()).isEqualTo("At most 4 stop sequences: remove one before adding another.");
        vm.removeStop("b");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.addStop("e")).isTrue();
        assertThat(vm.snapshot().stop()).containsExactly("a", "c", "d", "e");
    }

    @Test
    void emptyAndRepeatedStopSequencesAreRefused() {
        assertThat(vm.addStop("")).isFalse();
        assertThat(vm.addStop("\n")).isTrue();
        assertThat(vm.addStop("\n")).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("\"\\n\" is already a stop sequence.");
    }

    @Test
    void resetRestoresEveryDefault() {
        vm.temperature().set(1.5);
        vm.maxTokens().setIncluded(false);
        vm.topP().setIncluded(true);
        vm.addStop("x");
        vm.setStream(false);
        vm.setSystemPrompt("be brief");
        vm.resetToDefaults();
        assertThat(vm.snapshot()).isEqualTo(new ParamsViewModel().snapshot());
    }

    @Test
    void applyingASnapshotRestoresIt() {
        vm.temperature().set(1.25);
        vm.maxTokens().set(300);
        vm.frequencyPenalty().setIncluded(true);
        vm.frequencyPenalty().set(-0.5);
        vm.addStop("END");
        vm.setIncludeUsage(false);
        vm.setSystemPrompt("You are terse.");
        ParameterSet saved = vm.snapshot();
        ParamsViewModel other = new ParamsViewModel();
        other.apply(saved);
        assertThat(other.snapshot()).isEqualTo(saved);
    }

    @Test
    void everyChangeTicksTheRevision() {
        long start = vm.revision().get();
        vm.temperature().set(0.3);
        vm.topP().setIncluded(true);
        vm.addStop("x");
        vm.setSystemPrompt("s");
        assertThat(vm.revision().get()).isGreaterThanOrEqualTo(start + 4);
    }

    @Test
    void valuesSnapToTheStepPrecision() {
        vm.temperature().set(0.123456);
        assertThat(vm.temperature().value()).isEqualTo(0.12);
        vm.maxTokens().set(511.6);
        assertThat(vm.maxTokens().value()).isEqualTo(512.0);
    }

    @Test
    void aListenerOnTheStopListKeepsHearingChangesAfterAGarbageCollection() {
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        vm.stops().addListener((javafx.collections.ListChangeListener<String>) c -> heard.incrementAndGet());
        System.gc();
        vm.addStop("x");
        assertThat(heard).hasValue(1);
        assertThat(vm.stops()).isSameAs(vm.stops());
    }
}
