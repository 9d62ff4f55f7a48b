package dev.dorsal.engine.dissect;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.PacketTree;
import java.util.List;

/** The result of dissecting one frame: its tree, columns, addresses, layers and data sources. */
public record DissectedPacket(FrameMeta frame, PacketTree tree, Columns columns, Address src, Address dst,
        Address netSrc, Address netDst, Address dlSrc, Address dlDst, List<String> layers,
        List<DataSource> dataSources, boolean malformed) {

    /** frame.protocols: the layer names below "frame", joined by ':'. */
    public String protocolsInFrame() {
        int from = !layers.isEmpty() && layers.get(0).equals("frame") ? 1 : 0;
        return String.join(":", layers.subList(from, layers.size()));
    }
}
