package dev.dorsal.engine.script;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;

/**
 * A protocol declared by a script ({@code new Proto(...)}): its registered {@link ProtocolDef} and a
 * handle whose dissector forwards to the script's current context. The handle outlives reloads, so
 * tables that point at it follow the new version of the script.
 */
final class ScriptProto {
    final String name;
    final ProtocolDef def;
    /** The handle registered for this proto (set once, by the registration that created it). */
    DissectorHandle handle;
    final String handleName;
    final boolean reused;
    private volatile ScriptContext context;
    private volatile int index;
    volatile boolean disabled;

    ScriptProto(String name, ProtocolDef def, String handleName, boolean reused) {
        this.name = name;
        this.def = def;
        this.reused = reused;
        this.handleName = handleName;
    }

    /** Points the handle at {@code c}'s proto number {@code idx} (first load or reload). */
    void bind(ScriptContext c, int idx) {
        context = c;
        index = idx;
        disabled = false;
    }

    ScriptContext context() {
        return context;
    }

    int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        ScriptContext c = context;
        if (disabled || c == null || c.closed()) {
            return 0;
        }
        return c.callDissector(this, index, tvb, pinfo, tree);
    }

    /** Runs heuristic {@code fn} of this proto's script. */
    boolean heuristic(int fn, Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        ScriptContext c = context;
        if (disabled || c == null || c.closed()) {
            return false;
        }
        return c.callHeuristic(this, fn, tvb, pinfo, tree);
    }
}
