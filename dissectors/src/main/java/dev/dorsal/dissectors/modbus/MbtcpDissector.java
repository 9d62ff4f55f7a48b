package dev.dorsal.dissectors.modbus;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Modbus/TCP on TCP port 502: the MBAP header (transaction, protocol and unit identifiers and
 * the length, which frames the PDUs in the stream), then the Modbus PDU ({@link ModbusPdu}). A segment
 * whose protocol identifier is not 0 or whose length is under 2 is left to TCP, as in tshark. A
 * message sent to port 502 is a query, one sent from it a response. The same header on UDP port 502 is
 * Modbus/UDP ({@code mbudp}, with the {@code mbtcp.} fields). Filter prefix {@code mbtcp.}.
 *
 * <pre>
 * | transaction id (2) | protocol id = 0 (2) | length (2) | unit id (1) | function (1) | data |
 * </pre>
 */
public final class MbtcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Modbus/TCP", "Modbus/TCP", "mbtcp");
    /** Modbus/UDP: the same header in one datagram, shown with the {@code mbtcp.} fields as tshark does. */
    static final ProtocolDef UDP_PROTO = new ProtocolDef("Modbus/UDP", "Modbus/UDP", "mbudp");
    static final int PORT = 502;
    static final int HEADER = 7;

    static final FieldDef TRANS_ID = FieldDef.uint16("mbtcp.trans_id", "Transaction Identifier");
    static final FieldDef PROT_ID = FieldDef.uint16("mbtcp.prot_id", "Protocol Identifier");
    static final FieldDef LEN = FieldDef.uint16("mbtcp.len", "Length");
    static final FieldDef UNIT_ID = FieldDef.uint8("mbtcp.unit_id", "Unit Identifier");

    static final List<FieldDef> FIELDS = List.of(TRANS_ID, PROT_ID, LEN, UNIT_ID);

    private static DissectorHandle modbus;

    @Override
    public String name() {
        return "mbtcp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.protocol(ModbusPdu.PROTO);
        List<FieldDef> pdu = new ArrayList<>(ModbusPdu.FIELDS);
        pdu.addAll(ModbusData.FIELDS);
        pdu.addAll(ModbusExtras.FIELDS);
        r.fields(ModbusPdu.PROTO, pdu);
        r.protocol(UDP_PROTO);
        r.handle("mbtcp", PROTO, MbtcpDissector::dissect);
        r.handle("mbudp", UDP_PROTO, MbtcpDissector::dissectUdp);
        r.handle("modbus", ModbusPdu.PROTO, ModbusPdu::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, t.handle("mbtcp"));
        t.table("udp.port").add(PORT, t.handle("mbudp"));
        modbus = t.handle("modbus");
    }

    /** tshark's test before anything is shown: a whole header, protocol 0, room for a function code. */
    private static boolean looksLikeModbus(Tvb tvb) {
        return tvb.length() >= 8 && tvb.u16(2) == 0 && tvb.u16(4) >= 2;
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (!looksLikeModbus(tvb)) {
            return 0;
        }
        int ownLayer = pinfo.layerNames().size() - 1;
        int n = TcpPdus.dissect(tvb, pinfo, tree, true, HEADER, (t, off, p) -> t.u16(off + 4) + 6,
                (t, p, tr) -> dissectPdu(t, p, tr, PROTO));
        if (pinfo.desegmentLength() != 0 && pinfo.desegmentOffset() == 0) {
            // Only part of a message yet: as tshark, Modbus/TCP is not among this frame's protocols.
            pinfo.removeLayers(ownLayer);
        }
        return n;
    }

    static int dissectUdp(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (!looksLikeModbus(tvb)) {
            return 0;
        }
        return dissectPdu(tvb, pinfo, tree, UDP_PROTO);
    }

    private static int dissectPdu(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtocolDef proto) {
        pinfo.columns().setProtocol(proto.shortName());
        if (pinfo.dstPort() == PORT && (tvb.u8(HEADER) & 0x80) != 0) {
            // A query carrying an exception code: tshark gives up before showing anything.
            pinfo.columns().clearInfo();
            throw new MalformedException("Modbus query with an exception function code");
        }
        int trans = tvb.u16(0);
        int unit = tvb.u8(6);
        ProtoItem mbtcp = tree.addProtocol(proto, tvb, 0, HEADER);
        mbtcp.add(TRANS_ID, tvb, 0, 2);
        mbtcp.add(PROT_ID, tvb, 2, 2);
        mbtcp.add(LEN, tvb, 4, 2);
        mbtcp.add(UNIT_ID, tvb, 6, 1);
        pinfo.put(ModbusPdu.HEADER, new ModbusPdu.Header(pinfo.dstPort() == PORT, trans, unit));
        pinfo.call(modbus, tvb.slice(HEADER), tree);
        return tvb.length();
    }
}
