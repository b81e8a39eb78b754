package parley.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Packages depend on each other in one direction only, and the store serves every feature without
 * knowing any; the reasons are in {@code src/docs/architecture.md}.
 */
class CyclesTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("parley");

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("parley.(*)..").should().beFreeOfCycles()
                .because("a package that can be understood, tested and changed alone must not need the packages"
                        + " that need it")
                .check(PRODUCT);
    }

    @Test
    void noCyclesBetweenWindowFeatures() {
        slices().matching("parley.ui.(*)..").should().beFreeOfCycles()
                .because("a window feature reaches another only through the small interface the other offers,"
                        + " so each folder can be read and tested on its own")
                .check(PRODUCT);
    }

    @Test
    void theStoreKnowsNoFeature() {
        noClasses().that().resideInAPackage("parley.store..")
                .should().dependOnClassesThat(resideInAPackage("parley..").and(resideOutsideOfPackage("parley.store..")))
                .because("each feature owns its tables and queries and registers its migrations with the store;"
                        + " the store only holds the database, the migrations runner, settings and secrets")
                .check(PRODUCT);
    }
}
