package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.HexFormat;
import java.util.List;

/**
 * PPP's Challenge Handshake Authentication Protocol (RFC 1994, PPP protocol 0xc223): the value and
 * name of a challenge or response, the message of a success or failure, summarised in Info as tshark does.
 */
public final class ChapDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP Challenge Handshake Authentication Protocol", "PPP CHAP",
            "chap");

    static final ValueString CODES = ValueString.builder()
            .add(1, "Challenge")
            .add(2, "Response")
            .add(3, "Success")
            .add(4, "Failure")
            .build();

    static final FieldDef CODE = FieldDef.uint8("chap.code", "Code").vals(CODES);
    static final FieldDef IDENTIFIER = FieldDef.uint8("chap.identifier", "Identifier");
    static final FieldDef LENGTH = FieldDef.uint16("chap.length", "Length");
    static final FieldDef DATA = FieldDef.none("chap.data", "Data");
    static final FieldDef VALUE_SIZE = FieldDef.uint8("chap.value_size", "Value Size");
    static final FieldDef VALUE = FieldDef.bytes("chap.value", "Value");
    static final FieldDef NAME = FieldDef.string("chap.name", "Name");
    static final FieldDef MESSAGE = FieldDef.string("chap.message", "Message");
    static final List<FieldDef> FIELDS = List.of(CODE, IDENTIFIER, LENGTH, DATA, VALUE_SIZE, VALUE, NAME, MESSAGE);

    @Override
    public String name() {
        return "chap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("chap", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0xc223, t.handle("chap"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("PPP CHAP");
        int code = tvb.u8(0);
        pinfo.columns().setInfo(CODES.nameOr(code, "Unknown"));
        int length = tvb.u16(2);
        ProtoItem chap = tree.addProtocol(PROTO, tvb, 0, length);
        chap.add(CODE, tvb, 0, 1);
        chap.add(IDENTIFIER, tvb, 1, 1);
        chap.add(LENGTH, tvb, 2, 2);
        int body = length - 4;
        if (code == 1 || code == 2) {
            if (body <= 0) {
                return tvb.length();
            }
            ProtoItem data = chap.add(DATA, tvb, 4, body);
            int size = tvb.u8(4);
            data.add(VALUE_SIZE, tvb, 4, 1);
            data.add(VALUE, tvb, 5, size);
            int nameLength = body - 1 - size;
            String name = "";
            if (nameLength > 0) {
                data.add(NAME, tvb, 5 + size, nameLength);
                name = PapDissector.text(tvb, 5 + size, nameLength);
            }
            pinfo.columns().appendInfo(" (NAME='" + name + "', VALUE=0x"
                    + HexFormat.of().formatHex(tvb.bytes(5, size)) + ")");
        } else if (code == 3 || code == 4) {
            String message = "";
            if (body > 0) {
                chap.add(MESSAGE, tvb, 4, body);
                message = PapDissector.text(tvb, 4, body);
            }
            pinfo.columns().appendInfo(" (MESSAGE='" + message + "')");
        }
        return tvb.length();
    }
}
