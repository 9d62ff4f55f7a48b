package dev.dorsal.engine.dissect;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.PacketTree;
import java.util.List;

/**
 * The result of dissecting one frame: its tree, columns, addresses, layers, data sources, and what
 * dissectors queued for taps ({@code PacketInfo.queueTap}).
 */
public record DissectedPacket(FrameMeta frame, PacketTree tree, Columns columns, Address src, Address dst,
        Address netSrc, Address netDst, Address dlSrc, Address dlDst, List<String> layers,
        List<DataSource> dataSources, boolean malformed, List<Tapped> tapped) {

    /** Something a dissector queued for the taps named {@code tap}. */
    public record Tapped(String tap, Object data) {}

    /** A packet nothing was queued for. */
    public DissectedPacket(FrameMeta frame, PacketTree tree, Columns columns, Address src, Address dst,
            Address netSrc, Address netDst, Address dlSrc, Address dlDst, List<String> layers,
            List<DataSource> dataSources, boolean malformed) {
        this(frame, tree, columns, src, dst, netSrc, netDst, dlSrc, dlDst, layers, dataSources, malformed, List.of());
    }

    /** What dissectors queued for {@code tap}, in the order they queued it. */
    public List<Object> tapData(String tap) {
        if (tapped.isEmpty()) {
            return List.of();
        }
        List<Object> out = new java.util.ArrayList<>(tapped.size());
        for (Tapped t : tapped) {
            if (t.tap().equals(tap)) {
                out.add(t.data());
            }
        }
        return out;
    }

    /** frame.protocols: the layer names below "frame", joined by ':'. */
    public String protocolsInFrame() {
        int from = !layers.isEmpty() && layers.get(0).equals("frame") ? 1 : 0;
        return String.join(":", layers.subList(from, layers.size()));
    }
}
