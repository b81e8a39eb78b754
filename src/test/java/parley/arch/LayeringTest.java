package parley.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering rules of {@code src/docs/architecture.md}, checked on the product's classes. */
class LayeringTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("parley");

    @Test
    void nothingOutsideUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("parley.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the services are plain Java and serve the window, the CLI and the tests alike")
                .check(PRODUCT);
    }

    @Test
    void apiDependsOnNothingElseInTheProject() {
        noClasses().that().resideInAPackage("parley.api..")
                .should().dependOnClassesThat(resideInAPackage("parley..").and(resideOutsideOfPackage("parley.api..")))
                .because("the wire protocol stands alone")
                .check(PRODUCT);
    }

    @Test
    void uiReachesTheNetworkAndTheDatabaseOnlyThroughServices() {
        noClasses().that().resideInAPackage("parley.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..", "org.sqlite..", "org.postgresql..", "com.zaxxer..")
                .because("views never touch HTTP or SQL")
                .check(PRODUCT);
    }
}
