package dev.dorsal.dissectors.bjnp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the 16-byte header of Canon's BJNP, the protocol Canon printers and scanners use to be
 * discovered and driven over UDP 8611 (printers), 8612 (scanners), 8613 and 8614: a 4-byte id
 * ("BJNP", or "MFNP" for multifunction devices), the packet type (command or response, printer or
 * scanner), a command code, a sequence number, a session id and the length of the payload that
 * follows. The Info column names the type and code. Filter prefix {@code bjnp.}.
 *
 * <pre>
 * | id (32) | type (8) | code (8) | sequence number (32) | session id (16) | payload length (32) | payload … |
 * </pre>
 */
public final class BjnpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Canon BJNP", "BJNP", "bjnp");

    static final ValueString TYPES = ValueString.of(1, "Printer Command", 2, "Scanner Command",
            0x81, "Printer Response", 0x82, "Scanner Response");
    static final ValueString CODES = ValueString.of(0x01, "Discover", 0x10, "Print Job Details",
            0x11, "Request Closure", 0x20, "Get Printer Status", 0x21, "Print", 0x30, "Get Printer Identity",
            0x32, "Scan Job Details");

    static final FieldDef ID = FieldDef.string("bjnp.id", "Id");
    static final FieldDef TYPE = FieldDef.uint8("bjnp.type", "Type").vals(TYPES);
    static final FieldDef CODE = FieldDef.uint8("bjnp.code", "Code").vals(CODES);
    static final FieldDef SEQ_NO = FieldDef.uint32("bjnp.seq_no", "Sequence Number");
    static final FieldDef SESSION_ID = FieldDef.uint16("bjnp.session_id", "Session Id");
    static final FieldDef PAYLOAD_LEN = FieldDef.uint32("bjnp.payload_len", "Payload Length");
    static final FieldDef PAYLOAD = FieldDef.bytes("bjnp.payload", "Payload");

    static final List<FieldDef> FIELDS = List.of(ID, TYPE, CODE, SEQ_NO, SESSION_ID, PAYLOAD_LEN, PAYLOAD);

    /** The UDP ports tshark gives BJNP. */
    static final int[] PORTS = {8611, 8612, 8613, 8614};
    private static final int HEADER = 16;

    @Override
    public String name() {
        return "bjnp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("bjnp", PROTO, BjnpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        for (int port : PORTS) {
            t.table("udp.port").add(port, t.handle("bjnp"));
        }
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("BJNP");
        pinfo.columns().clearInfo();
        ProtoItem item = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        item.add(ID, tvb, 0, 4);
        int type = tvb.u8(4);
        item.add(TYPE, tvb, 4, 1);
        int code = tvb.u8(5);
        item.add(CODE, tvb, 5, 1);
        String info = info(type, code);
        item.appendText(", " + info);
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo(info);
        }
        item.add(SEQ_NO, tvb, 6, 4);
        item.add(SESSION_ID, tvb, 10, 2);
        long payloadLen = tvb.u32(12);
        item.add(PAYLOAD_LEN, tvb, 12, 4);
        if (payloadLen > 0) {
            int n = (int) Math.min(payloadLen, Integer.MAX_VALUE - HEADER);
            tvb.bytes(HEADER, n);
            item.add(PAYLOAD, tvb, HEADER, n);
        }
        return tvb.length();
    }

    /** "Scanner Command: Discover", or the numbers of a type or code tshark does not know. */
    static String info(int type, int code) {
        return TYPES.nameOr(type, "Unknown type (" + type + ")") + ": "
                + CODES.nameOr(code, "Unknown code (" + code + ")");
    }
}
