package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consumer that reads only link/network/transport fields gets the same values whether or not the
 * protocols above TCP and UDP run, and they do not run for it; one field above (or one that depends
 * on the layers above, like frame.protocols or tcp.reassembled_in) brings them all back.
 */
class TransportPayloadPruningTest {
    private static final String HTTP = "corpus/captures/http_get.pcap";

    private static BitSet interest(Registry r, String... names) {
        BitSet b = new BitSet();
        for (String n : names) {
            for (FieldDef f : r.fields().lookup(n)) {
                b.set(f.id());
            }
        }
        return b;
    }

    private static List<DissectedPacket> run(Registry r, String... fields) {
        List<DissectedPacket> out = new ArrayList<>();
        OracleCaptures.dissect(r, HTTP, new DissectionOptions(false, interest(r, fields), false), out::add);
        return out;
    }

    private static List<String> values(List<DissectedPacket> packets, String... fields) {
        List<String> out = new ArrayList<>();
        for (DissectedPacket p : packets) {
            StringBuilder sb = new StringBuilder();
            collect(p.tree().root(), List.of(fields), sb);
            out.add(sb.toString());
        }
        return out;
    }

    private static void collect(ProtoItem n, List<String> fields, StringBuilder sb) {
        for (ProtoItem c = n.firstChild(); c != null; c = c.next()) {
            if (c.field() != null && fields.contains(c.field().abbrev())) {
                sb.append(c.field().abbrev()).append('=').append(c.num()).append(' ');
            }
            collect(c, fields, sb);
        }
    }

    private static boolean anyLayer(List<DissectedPacket> packets, String layer) {
        return packets.stream().anyMatch(p -> p.layers().contains(layer));
    }

    @Test
    void lowerLayerFieldsAloneSkipTheApplicationLayers() {
        Registry r = OracleCaptures.full();
        List<DissectedPacket> pruned = run(r, "ip.src", "tcp.srcport", "tcp.len", "tcp.stream");
        List<DissectedPacket> full = run(r, "ip.src", "tcp.srcport", "tcp.len", "tcp.stream", "http.host");
        assertFalse(anyLayer(pruned, "http"), "http ran although nobody reads it");
        assertTrue(anyLayer(full, "http"), "http did not run although http.host is wanted");
        String[] shown = {"ip.src", "tcp.srcport", "tcp.len", "tcp.stream"};
        assertEquals(values(full, shown), values(pruned, shown));
    }

    @Test
    void fieldsThatDependOnTheLayersAboveKeepThem() {
        Registry r = OracleCaptures.full();
        assertTrue(anyLayer(run(r, "frame.protocols"), "http"));
        assertTrue(anyLayer(run(r, "tcp.reassembled_in"), "http"));
        assertTrue(anyLayer(run(r, "_ws.malformed"), "http"));
    }

    @Test
    void aLowerLayerProtocolOnATransportPortKeepsThePayload() {
        Registry r = OracleCaptures.full();
        // Decode-As puts a tunnel (IP in TCP) on the HTTP server port: ip.src may now occur above TCP.
        r.table("tcp.port").decodeAs(80, r.handle("ip"));
        try {
            assertTrue(r.mayCarryLowerLayersAboveTransport(java.util.Set.of("ip")));
        } finally {
            r.table("tcp.port").decodeAs(80, null);
        }
        assertFalse(r.mayCarryLowerLayersAboveTransport(java.util.Set.of("ip")));
    }
}
