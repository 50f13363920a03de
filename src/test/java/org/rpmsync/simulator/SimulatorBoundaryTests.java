package org.rpmsync.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SimulatorBoundaryTests {

    @Test
    void simulatorDependsOnNoOtherApplicationModule() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rpmsync.simulator");
        noClasses().that().resideInAPackage("org.rpmsync.simulator..")
                .should().dependOnClassesThat(resideInAPackage("org.rpmsync..")
                        .and(resideOutsideOfPackage("org.rpmsync.simulator..")))
                .check(classes);
    }
}
