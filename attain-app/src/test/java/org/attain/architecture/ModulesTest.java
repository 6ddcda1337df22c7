package org.attain.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import org.attain.AttainApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities as Spring Modulith sees them: every package under {@code org.attain} is a module
 * whose root holds its public API. The build fails when modules depend on each other in a cycle or
 * when one reaches into another's internal sub-packages. The engine and the demo generator are
 * libraries of their own (pure Java, separate Maven modules), not application modules.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AttainApplication.class,
            resideInAnyPackage("org.attain.engine..", "org.attain.demo.."));

    @Test
    void theCapabilitiesDependOnEachOtherWithoutCyclesAndOnlyThroughTheirPublicApi() {
        MODULES.verify();
    }

    /** The module canvas and the component diagram, written to target/spring-modulith-docs and linked from docs/architecture.md. */
    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
