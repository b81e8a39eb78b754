package parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Dracula;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.Test;

class AppearanceViewModelTest {
    private final AppearanceViewModel vm = new AppearanceViewModel();

    @Test
    void followingTheSystemSwitchesBetweenPrimerLightAndDark() {
        assertThat(vm.choiceProperty().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(vm.theme().getValue()).isInstanceOf(PrimerLight.class);
        vm.systemDarkChanged(true);
        assertThat(vm.theme().getValue()).isInstanceOf(PrimerDark.class);
    }

    @Test
    void aChosenThemeIgnoresTheSystem() {
        vm.choose(ThemeChoice.DRACULA);
        vm.systemDarkChanged(false);
        assertThat(vm.theme().getValue()).isInstanceOf(Dracula.class);
        assertThat(vm.theme().getValue().isDarkMode()).isTrue();
    }

    @Test
    void themeNamesParseInEveryUsualSpelling() {
        assertThat(ThemeChoice.parse("nord-dark")).contains(ThemeChoice.NORD_DARK);
        assertThat(ThemeChoice.parse("Nord Dark")).contains(ThemeChoice.NORD_DARK);
        assertThat(ThemeChoice.parse("NORD_DARK").orElseThrow().resolve(false)).isInstanceOf(NordDark.class);
        assertThat(ThemeChoice.parse("solarized")).isEmpty();
        assertThat(ThemeChoice.values()).hasSize(8);
    }

    @Test
    void theFontSizeStaysWithinItsBounds() {
        vm.setFontSize(100);
        assertThat(vm.fontSizeProperty().get()).isEqualTo(AppearanceViewModel.MAX_FONT);
        vm.setFontSize(1);
        vm.smallerFont();
        assertThat(vm.fontSizeProperty().get()).isEqualTo(AppearanceViewModel.MIN_FONT);
        vm.biggerFont();
        assertThat(vm.fontSizeProperty().get()).isEqualTo(AppearanceViewModel.MIN_FONT + 1);
    }
}
