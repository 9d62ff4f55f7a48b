package dev.dorsal.dissectors.ipsec;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * UDP encapsulation of IPsec for NAT traversal (RFC 3948) on UDP 4500: a one-byte 0xff is a
 * NAT-keepalive, four zero bytes (the non-ESP marker) put IKE behind them, anything else is ESP.
 * Filter prefix {@code udpencap.}. Dorsal has no IKE (ISAKMP) dissector: what follows the marker is
 * shown as data.
 */
public final class UdpEncapDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("UDP Encapsulation of IPsec Packets", "UDPENCAP", "udpencap");
    static final String HANDLE = "udpencap";
    static final int PORT = 4500;

    static final FieldDef NAT_KEEPALIVE = FieldDef.none("udpencap.nat_keepalive", "NAT-keepalive packet");
    static final FieldDef NON_ESP_MARKER = FieldDef.none("udpencap.non_esp_marker", "Non-ESP Marker");

    static final List<FieldDef> FIELDS = List.of(NAT_KEEPALIVE, NON_ESP_MARKER);

    private DissectorHandle espHandle;
    private DissectorHandle ikeHandle;

    @Override
    public String name() {
        return "udpencap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle(HANDLE, PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        espHandle = t.handle(EspDissector.HANDLE);
        ikeHandle = t.handle("data");
        t.table("udp.port").add(PORT, t.handle(HANDLE));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("UDPENCAP");
        cols.clearInfo();
        ProtoItem encap = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        if (tvb.reportedLength() == 1 && tvb.u8(0) == 0xff) {
            if (cols.enabled()) {
                cols.setInfo("NAT-keepalive");
            }
            encap.add(NAT_KEEPALIVE, tvb, 0, 1);
            return tvb.length();
        }
        if (tvb.u32(0) == 0) {
            encap.setLength(4);
            encap.add(NON_ESP_MARKER, tvb, 0, 4);
            Tvb rest = tvb.slice(4);
            if (rest.reportedLength() > 0) {
                pinfo.call(ikeHandle, rest, tree);
            }
            return tvb.length();
        }
        encap.setLength(0);
        pinfo.call(espHandle, tvb, tree);
        return tvb.length();
    }
}
