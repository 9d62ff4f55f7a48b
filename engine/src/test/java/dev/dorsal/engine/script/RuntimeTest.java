package dev.dorsal.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The optimizing runtime is really in use: the build copies the Graal compiler jars to
 * engine/target/graal and surefire (like the launcher) puts them on the upgrade module path. Without
 * that, scripts silently run interpreted, 10-20 times slower (PLATFORM.md), so this fails loudly.
 */
class RuntimeTest {
    @Test
    void scriptsRunOnTheOptimizingGraalRuntime() {
        assertEquals("GraalVM CE", ScriptHost.runtimeName(),
                "JIT not set up: run with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "
                        + "--upgrade-module-path=engine/target/graal (see engine/pom.xml)");
    }
}
