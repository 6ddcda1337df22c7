package org.attain.architecture;

import java.util.List;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules and who depends on whom, as a Mermaid diagram that GitHub draws inside
 * docs/architecture.md. Written from Spring Modulith's model of the code, so the picture a newcomer
 * reads first cannot drift from what the build verifies. Arrows to {@code platform} (clock, errors, locale)
 * and {@code access} (the signed-in user and roles) are left out: nearly every module uses them, and
 * drawing them hides the arrows that say something.
 */
final class ModuleCanvas {

    static final String BEGIN = "<!-- module canvas: written by ModulesTest, do not edit -->";
    static final String END = "<!-- end of module canvas -->";

    static final java.util.Set<String> EVERYONE_USES = java.util.Set.of("platform", "access");

    private ModuleCanvas() {}

    static String mermaid(ApplicationModules modules) {
        TreeSet<String> arrows = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>();
        for (ApplicationModule module : modules) {
            String from = module.getIdentifier().toString();
            names.add(from);
            module.getDirectDependencies(modules)
                    .uniqueModules()
                    .map(m -> m.getIdentifier().toString())
                    .filter(to -> !to.equals(from) && !EVERYONE_USES.contains(to))
                    .forEach(to -> arrows.add("    " + from + " --> " + to));
        }
        StringBuilder out = new StringBuilder(BEGIN).append("\n```mermaid\nflowchart LR\n");
        List.copyOf(names).forEach(n -> out.append("    ").append(n).append('\n'));
        arrows.forEach(a -> out.append(a).append('\n'));
        return out.append("```\n").append(END).toString();
    }
}
