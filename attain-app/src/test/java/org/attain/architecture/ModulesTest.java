package org.attain.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attain.AttainApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities as Spring Modulith sees them: every package under {@code org.attain} is a module
 * whose root holds its public API. The build fails when modules depend on each other in a cycle or
 * when one reaches into another's internal sub-packages. The engine, the demo generator and the engine on Spark are
 * libraries of their own (pure Java, separate Maven modules), not application modules.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(
            AttainApplication.class,
            resideInAnyPackage("org.attain.engine..", "org.attain.demo..", "org.attain.spark.."));

    @Test
    void theCapabilitiesDependOnEachOtherWithoutCyclesAndOnlyThroughTheirPublicApi() {
        MODULES.verify();
    }

    /** The module canvas and the component diagram, written to target/spring-modulith-docs and linked from docs/architecture.md. */
    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    /**
     * docs/architecture.md opens with the module canvas as it is in the code. When a dependency changes,
     * this fails and leaves the new canvas in target/module-canvas.md to paste between the markers.
     */
    @Test
    void theArchitecturePageOpensWithTheModulesAsTheyAre() throws IOException {
        String expected = ModuleCanvas.mermaid(MODULES);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/module-canvas.md"), expected + "\n");
        String page = Files.readString(Path.of("../docs/architecture.md"));
        int begin = page.indexOf(ModuleCanvas.BEGIN);
        int end = page.indexOf(ModuleCanvas.END);
        assertThat(begin)
                .as("docs/architecture.md has the module canvas markers")
                .isNotNegative();
        assertThat(end).isGreaterThan(begin);
        assertThat(page.substring(begin, end + ModuleCanvas.END.length()))
                .as("docs/architecture.md's module canvas is stale: paste attain-app/target/module-canvas.md over it")
                .isEqualTo(expected);
    }
}
