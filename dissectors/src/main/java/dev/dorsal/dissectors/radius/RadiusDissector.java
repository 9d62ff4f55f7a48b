package dev.dorsal.dissectors.radius;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RADIUS (RFC 2865 authentication, RFC 2866 accounting, RFC 5176 dynamic authorization) on the
 * UDP ports tshark 4.0.17 registers (1645, 1646, 1700, 1812, 1813, 3799): the header, the attribute
 * value pairs as its built-in dictionary shows them ({@link RadiusAttributes}), the EAP messages they
 * carry (handed to {@code eap}), and the request/response pairs and duplicates ({@link RadiusCalls}).
 * Filter prefix {@code radius.}.
 *
 * <pre>
 * | code (8) | identifier (8) | length (16) | authenticator (128) | attributes: type (8) length (8) value … |
 * </pre>
 *
 * <p>As tshark's, the dissector declines (the datagram stays UDP data) when the code is not one it names
 * or the length field is outside 20..4096; a datagram too short for those four bytes is malformed.
 */
public final class RadiusDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("RADIUS Protocol", "RADIUS", "radius");

    static final int[] PORTS = {1645, 1646, 1700, 1812, 1813, 3799};
    static final int HEADER_LENGTH = 20;
    static final int MAX_LENGTH = 4096;

    static final ValueString CODES = ValueString.of(1, "Access-Request", 2, "Access-Accept", 3, "Access-Reject",
            4, "Accounting-Request", 5, "Accounting-Response", 6, "Accounting-Status", 7, "Password-Request",
            8, "Password-Ack", 9, "Password-Reject", 10, "Accounting-Message", 11, "Access-Challenge",
            12, "Status-Server", 13, "Status-Client", 21, "Resource-Free-Request", 22, "Resource-Free-Response",
            23, "Resource-Query-Request", 24, "Query_Response", 25, "Alternate-Resource-Reclaim-Request",
            26, "NAS-Reboot-Request", 27, "NAS-Reboot-Response", 29, "Next-Passcode", 30, "New-Pin",
            31, "Terminate-Session", 32, "Password-Expired", 33, "Event-Request", 34, "Event-Response",
            40, "Disconnect-Request", 41, "Disconnect-ACK", 42, "Disconnect-NAK", 43, "CoA-Request", 44, "CoA-ACK",
            45, "CoA-NAK", 50, "IP-Address-Allocate", 51, "IP-Address-Release", 129, "ALU-State-Request",
            130, "ALU-State-Accept", 131, "ALU-State-Reject", 132, "ALU-State-Error");

    static final FieldDef CODE = FieldDef.uint8("radius.code", "Code").vals(CODES);
    static final FieldDef ID = FieldDef.uint8("radius.id", "Identifier");
    static final FieldDef LENGTH = FieldDef.uint16("radius.length", "Length");
    static final FieldDef AUTHENTICATOR = FieldDef.bytes("radius.authenticator", "Authenticator");

    static final ExpertDef INVALID_LENGTH = new ExpertDef("radius.invalid_length", "Invalid length",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    static final List<FieldDef> FIELDS = List.of(CODE, ID, LENGTH, AUTHENTICATOR);

    @Override
    public String name() {
        return "radius";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(RadiusCalls.FIELDS);
        all.addAll(RadiusAttributes.FIELDS);
        all.addAll(RadiusDictionary.fields());
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(INVALID_LENGTH));
        r.handle("radius", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        for (int port : PORTS) {
            t.table("udp.port").add(port, t.handle("radius"));
        }
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int code = tvb.u8(0);
        int id = tvb.u8(1);
        int length = tvb.u16(2);
        String codeName = CODES.nameOr(code, null);
        if (codeName == null || length < HEADER_LENGTH || length > MAX_LENGTH) {
            return 0;
        }
        Columns cols = pinfo.columns();
        cols.setProtocol("RADIUS");
        if (cols.enabled()) {
            cols.setInfo(codeName + " id=" + id);
        }
        ProtoItem radius = tree.addProtocol(PROTO, tvb, 0, Math.min(length, tvb.length()));
        radius.add(CODE, tvb, 0, 1);
        ProtoItem idItem = radius.add(ID, tvb, 1, 1);
        if (radius.tree().detailed()) {
            idItem.setText(String.format("Packet identifier: 0x%x (%d)", id, id));
        }
        radius.add(LENGTH, tvb, 2, 2);
        radius.add(AUTHENTICATOR, tvb, 4, 16);
        RadiusCalls.track(tvb, pinfo, radius, code, id);
        if (length > tvb.reportedLength()) {
            tvb.bytes(HEADER_LENGTH, length - HEADER_LENGTH); // tshark's PDU runs past the datagram: malformed
        }
        if (length > HEADER_LENGTH) {
            ProtoItem avps = radius.addText(tvb, HEADER_LENGTH, length - HEADER_LENGTH, "Attribute Value Pairs");
            RadiusAttributes.dissect(tvb.slice(0, length), pinfo, avps == radius ? radius : avps, HEADER_LENGTH);
        }
        return tvb.length();
    }
}
