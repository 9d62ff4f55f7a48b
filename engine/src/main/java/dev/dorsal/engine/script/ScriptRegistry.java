package dev.dorsal.engine.script;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What scripts registered in one {@link Registry}, kept beside it for as long as it lives: a registry
 * cannot forget a protocol or field, so a script loaded again (reload, or a new {@link ScriptHost} on
 * the same registry) gets its protocol, handle, fields and experts back instead of clashing with them.
 */
final class ScriptRegistry {
    private static final Map<Registry, ScriptRegistry> BY_REGISTRY = new WeakHashMap<>();

    final Map<String, ScriptProto> protos = new LinkedHashMap<>();
    final Map<String, FieldDef> fields = new LinkedHashMap<>();
    final Map<String, ExpertDef> experts = new LinkedHashMap<>();

    private ScriptRegistry() {}

    static synchronized ScriptRegistry of(Registry registry) {
        return BY_REGISTRY.computeIfAbsent(registry, r -> new ScriptRegistry());
    }
}
