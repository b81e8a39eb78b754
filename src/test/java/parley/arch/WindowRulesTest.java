package parley.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import javafx.application.Platform;
import javafx.beans.value.WritableValue;
import org.junit.jupiter.api.Test;
import parley.ui.WindowContext;
import parley.ui.WindowFeature;

/** How the window is put together: its threading seam, its view models, its features. */
class WindowRulesTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("parley");

    @Test
    void onlyUiThreadAndTheApplicationClassCallRunLater() {
        noClasses().that().doNotHaveFullyQualifiedName("parley.ui.UiThread")
                .and().doNotHaveFullyQualifiedName("parley.ui.DesktopApp")
                .and().doNotHaveFullyQualifiedName("parley.ui.DesktopApp$1")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .because("results reach the FX thread through the one seam UiThread, which tests replace")
                .check(PRODUCT);
    }

    @Test
    void viewModelsUseJavaFxOnlyForPropertiesAndCollections() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat(resideInAPackage("javafx..")
                        .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
                .because("a view model holds state and commands, is tested without a toolkit, and knows no control")
                .check(PRODUCT);
    }

    @Test
    void viewModelsExposeNoWritableProperty() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel")
                .should().haveRawReturnType(assignableTo(WritableValue.class))
                .because("views follow read-only state and change it through commands, so a view model can"
                        + " validate every change and no other feature writes into it")
                .check(PRODUCT);
    }

    @Test
    void featureFoldersOfTheWindowDoNotDependOnEachOtherInACycle() {
        slices().matching("parley.ui.(*)..").should().beFreeOfCycles()
                .because("a feature folder can be read, changed and tested on its own; features meet in"
                        + " WindowContext and the small interfaces they offer")
                .check(PRODUCT);
    }

    @Test
    void everyFeatureIsInstalledFromTheContextAlone() {
        classes().that().implement(WindowFeature.class)
                .should().haveSimpleNameEndingWith("Feature")
                .andShould().haveOnlyFinalFields()
                .andShould(TAKE_A_CONTEXT)
                .because("WindowAssembly installs every feature from one list, as FooFeature::new")
                .check(PRODUCT);
    }

    private static final ArchCondition<JavaClass> TAKE_A_CONTEXT =
            new ArchCondition<>("have a constructor taking a WindowContext") {
                @Override
                public void check(JavaClass feature, ConditionEvents events) {
                    boolean found = feature.getConstructors().stream().anyMatch(c -> c.getRawParameterTypes().size() == 1
                            && c.getRawParameterTypes().getFirst().isEquivalentTo(WindowContext.class));
                    if (!found) {
                        events.add(SimpleConditionEvent.violated(feature,
                                feature.getName() + " has no constructor taking a WindowContext"));
                    }
                }
            };

    @Test
    void featuresAskTheUserOnlyThroughDialogs() {
        noClasses().that().implement(WindowFeature.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.Alert")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.scene.control.TextInputDialog")
                .because("questions and file choices go through the Dialogs of the context, which tests answer")
                .check(PRODUCT);
    }
}
