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
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PPP's Password Authentication Protocol (RFC 1334, PPP protocol 0xc023): the peer ID and password of
 * a request, the message of an ack or nak, each behind its length byte, and in Info as tshark puts them.
 */
public final class PapDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP Password Authentication Protocol", "PPP PAP", "pap");

    static final ValueString CODES = ValueString.builder()
            .add(1, "Authenticate-Request")
            .add(2, "Authenticate-Ack")
            .add(3, "Authenticate-Nak")
            .build();

    static final FieldDef CODE = FieldDef.uint8("pap.code", "Code").vals(CODES);
    static final FieldDef IDENTIFIER = FieldDef.uint8("pap.identifier", "Identifier");
    static final FieldDef LENGTH = FieldDef.uint16("pap.length", "Length");
    static final FieldDef DATA = FieldDef.none("pap.data", "Data");
    static final FieldDef PEER_ID_LENGTH = FieldDef.uint8("pap.peer_id.length", "Peer-ID-Length");
    static final FieldDef PEER_ID = FieldDef.string("pap.peer_id", "Peer-ID");
    static final FieldDef PASSWORD_LENGTH = FieldDef.uint8("pap.password.length", "Password-Length");
    static final FieldDef PASSWORD = FieldDef.string("pap.password", "Password");
    static final FieldDef MESSAGE_LENGTH = FieldDef.uint8("pap.message.length", "Message-Length");
    static final FieldDef MESSAGE = FieldDef.string("pap.message", "Message");
    static final List<FieldDef> FIELDS = List.of(CODE, IDENTIFIER, LENGTH, DATA, PEER_ID_LENGTH, PEER_ID,
            PASSWORD_LENGTH, PASSWORD, MESSAGE_LENGTH, MESSAGE);

    @Override
    public String name() {
        return "pap";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("pap", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0xc023, t.handle("pap"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("PPP PAP");
        int code = tvb.u8(0);
        pinfo.columns().setInfo(CODES.nameOr(code, "Unknown"));
        int length = tvb.u16(2);
        ProtoItem pap = tree.addProtocol(PROTO, tvb, 0, length);
        pap.add(CODE, tvb, 0, 1);
        pap.add(IDENTIFIER, tvb, 1, 1);
        pap.add(LENGTH, tvb, 2, 2);
        if (code < 1 || code > 3) {
            return tvb.length();
        }
        // the first length byte is read whatever the packet length says: a bodiless ack is malformed
        tvb.u8(4);
        ProtoItem data = pap.add(DATA, tvb, 4, length - 4);
        if (code == 1) {
            int idLength = tvb.u8(4);
            data.add(PEER_ID_LENGTH, tvb, 4, 1);
            data.add(PEER_ID, tvb, 5, idLength);
            int pw = 5 + idLength;
            int pwLength = tvb.u8(pw);
            data.add(PASSWORD_LENGTH, tvb, pw, 1);
            data.add(PASSWORD, tvb, pw + 1, pwLength);
            pinfo.columns().appendInfo(" (Peer-ID='" + text(tvb, 5, idLength) + "', Password='"
                    + text(tvb, pw + 1, pwLength) + "')");
        } else {
            int msgLength = tvb.u8(4);
            data.add(MESSAGE_LENGTH, tvb, 4, 1);
            data.add(MESSAGE, tvb, 5, msgLength);
            pinfo.columns().appendInfo(" (Message='" + text(tvb, 5, msgLength) + "')");
        }
        return tvb.length();
    }

    static String text(Tvb tvb, int offset, int length) {
        return new String(tvb.bytes(offset, length), StandardCharsets.ISO_8859_1);
    }
}
