package dev.dorsal.engine.script;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.util.function.Predicate;

/** A script's {@code new Listener(tap, filter)}: which packets it wants, and its number in the script. */
final class ScriptListener {
    final ScriptContext context;
    final int index;
    final String tap;
    final String filter;
    final Predicate<DissectedPacket> matches;

    ScriptListener(ScriptContext context, int index, String tap, String filter, Predicate<DissectedPacket> matches) {
        this.context = context;
        this.index = index;
        this.tap = tap;
        this.filter = filter;
        this.matches = matches;
    }
}
