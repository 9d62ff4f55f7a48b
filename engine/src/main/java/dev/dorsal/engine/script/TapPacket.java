package dev.dorsal.engine.script;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;

/** A dissected packet as a tap listener sees it: the finished tree, columns and the frame's bytes. */
record TapPacket(DissectedPacket packet, Tvb tvb) {
    static TapPacket of(DissectedPacket p) {
        DataSource frame = p.dataSources().get(0);
        return new TapPacket(p, Tvb.of(frame, p.frame().originalLength()));
    }
}
