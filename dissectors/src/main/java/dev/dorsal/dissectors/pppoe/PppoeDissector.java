package dev.dorsal.dissectors.pppoe;

import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.engine.spi.DissectorHandle;
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
import java.nio.charset.StandardCharsets;

/**
 * PPP over Ethernet (RFC 2516): the discovery stage on ethertype 0x8863 ({@code pppoed}, PADI to
 * PADT and the RFC 4938/5578 extensions, with their tags) and the session stage on 0x8864
 * ({@code pppoes}), whose payload is a PPP frame without address and control bytes. Both share the
 * six-byte header, whose fields tshark files under {@code pppoe.}. Tags show as "Name: value" without
 * their type and length, as tshark does by default.
 */
public final class PppoeDissector implements DissectorProvider {
    static final ProtocolDef PPPOED = new ProtocolDef("PPP-over-Ethernet Discovery", "PPPoED", "pppoed");
    static final ProtocolDef PPPOES = new ProtocolDef("PPP-over-Ethernet Session", "PPPoES", "pppoes");
    static final ProtocolDef PPPOE = new ProtocolDef("PPP-over-Ethernet", "PPPoE", "pppoe");

    /** The codes of RFC 2516, RFC 4938 (PADG/PADC/PADQ) and RFC 5578's PADM/PADN, as tshark names them. */
    static final ValueString CODES = ValueString.builder()
            .add(0x00, "Session Data")
            .add(0x07, "Active Discovery Offer (PADO)")
            .add(0x09, "Active Discovery Initiation (PADI)")
            .add(0x0a, "Active Discovery Session-Grant (PADG)")
            .add(0x0b, "Active Discovery Session-Credit Resp.(PADC)")
            .add(0x0c, "Active Discovery Quality (PADQ)")
            .add(0x19, "Active Discovery Request (PADR)")
            .add(0x65, "Active Discovery Session-confirmation (PADS)")
            .add(0xa7, "Active Discovery Terminate (PADT)")
            .add(0xd3, "Active Discovery Message (PADM)")
            .add(0xd4, "Active Discovery Network (PADN)")
            .build();

    static final FieldDef VERSION = FieldDef.uint8("pppoe.version", "Version").mask(0xf0);
    static final FieldDef TYPE = FieldDef.uint8("pppoe.type", "Type").mask(0x0f);
    static final FieldDef CODE = FieldDef.uint8("pppoe.code", "Code").hex().vals(CODES);
    static final FieldDef SESSION_ID = FieldDef.uint16("pppoe.session_id", "Session ID").hex();
    static final FieldDef PAYLOAD_LENGTH = FieldDef.uint16("pppoe.payload_length", "Payload Length");
    static final List<FieldDef> PPPOE_FIELDS = List.of(VERSION, TYPE, CODE, SESSION_ID, PAYLOAD_LENGTH);

    static final FieldDef TAGS = FieldDef.none("pppoed.tags", "PPPoE Tags");
    static final FieldDef SERVICE_NAME = FieldDef.string("pppoed.tags.service_name", "Service-Name");
    static final FieldDef AC_NAME = FieldDef.string("pppoed.tags.ac_name", "AC-Name");
    static final FieldDef HOST_UNIQ = FieldDef.bytes("pppoed.tags.host_uniq", "Host-Uniq");
    static final FieldDef AC_COOKIE = FieldDef.bytes("pppoed.tags.ac_cookie", "AC-Cookie");
    static final FieldDef RELAY_SESSION_ID = FieldDef.bytes("pppoed.tags.relay_session_id", "Relay-Session-Id");
    static final FieldDef HURL = FieldDef.bytes("pppoed.tags.hurl", "HURL");
    static final FieldDef MOTM = FieldDef.bytes("pppoed.tags.motm", "MOTM");
    static final FieldDef MAX_PAYLOAD = FieldDef.bytes("pppoed.tags.max_payload", "PPP-Max-Payload");
    static final FieldDef IP_ROUTE_ADD = FieldDef.bytes("pppoed.tags.ip_route_add", "IP Route Add");
    static final FieldDef SERVICE_NAME_ERROR = FieldDef.string("pppoed.tags.service_name_error", "Service-Name-Error");
    static final FieldDef AC_SYSTEM_ERROR = FieldDef.string("pppoed.tags.ac_system_error", "AC-System-Error");
    static final FieldDef GENERIC_ERROR = FieldDef.string("pppoed.tags.generic_error", "Generic-Error");
    static final List<FieldDef> PPPOED_FIELDS = List.of(TAGS, SERVICE_NAME, AC_NAME, HOST_UNIQ, AC_COOKIE,
            RELAY_SESSION_ID, HURL, MOTM, MAX_PAYLOAD, IP_ROUTE_ADD, SERVICE_NAME_ERROR, AC_SYSTEM_ERROR,
            GENERIC_ERROR);

    private static final int HEADER = 6;

    private DissectorHandle ppp;
    private DissectorHandle data;

    @Override
    public String name() {
        return "pppoe";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PPPOE);
        r.fields(PPPOE, PPPOE_FIELDS);
        r.protocol(PPPOED);
        r.fields(PPPOED, PPPOED_FIELDS);
        r.protocol(PPPOES);
        r.handle("pppoed", PPPOED, this::discovery);
        r.handle("pppoes", PPPOES, this::session);
    }

    @Override
    public void handoff(Tables t) {
        ppp = t.handle("ppp");
        data = t.handle("data");
        t.table(EthertypeDissector.NAME).add(0x8863, t.handle("pppoed"));
        t.table(EthertypeDissector.NAME).add(0x8864, t.handle("pppoes"));
    }

    private static void header(ProtoItem item, Tvb tvb) {
        item.add(VERSION, tvb, 0, 1);
        item.add(TYPE, tvb, 0, 1);
        item.add(CODE, tvb, 1, 1);
        item.add(SESSION_ID, tvb, 2, 2);
        item.add(PAYLOAD_LENGTH, tvb, 4, 2);
    }

    private int discovery(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("PPPoED");
        int code = tvb.u8(1);
        pinfo.columns().setInfo(CODES.nameOr(code, "Unknown"));
        ProtoItem item = tree.addProtocol(PPPOED, tvb, 0, tvb.length());
        header(item, tvb);
        int length = tvb.u16(4);
        if (length > 0) {
            ProtoItem tags = item.add(TAGS, tvb, HEADER, Math.min(length, tvb.length() - HEADER));
            int offset = HEADER;
            int end = HEADER + length;
            while (offset + 4 <= end) {
                int type = tvb.u16(offset);
                int tagLength = tvb.u16(offset + 2);
                int value = offset + 4;
                FieldDef f = tagField(type);
                // tshark leaves out empty tags (a PADI's any-service Service-Name)
                if (f != null && tagLength > 0) {
                    tags.add(f, tvb, value, tagLength);
                }
                if (type == 0x0102) {
                    pinfo.columns().appendInfo(" AC-Name='"
                            + new String(tvb.bytes(value, tagLength), StandardCharsets.ISO_8859_1) + "'");
                }
                offset = value + tagLength;
            }
        }
        return tvb.length();
    }

    private static FieldDef tagField(int type) {
        return switch (type) {
            case 0x0101 -> SERVICE_NAME;
            case 0x0102 -> AC_NAME;
            case 0x0103 -> HOST_UNIQ;
            case 0x0104 -> AC_COOKIE;
            case 0x0110 -> RELAY_SESSION_ID;
            case 0x0111 -> HURL;
            case 0x0112 -> MOTM;
            case 0x0120 -> MAX_PAYLOAD;
            case 0x0121 -> IP_ROUTE_ADD;
            case 0x0201 -> SERVICE_NAME_ERROR;
            case 0x0202 -> AC_SYSTEM_ERROR;
            case 0x0203 -> GENERIC_ERROR;
            default -> null;
        };
    }

    private int session(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        pinfo.columns().setProtocol("PPPoES");
        pinfo.columns().setInfo(CODES.nameOr(tvb.u8(1), "Unknown"));
        ProtoItem item = tree.addProtocol(PPPOES, tvb, 0, HEADER);
        header(item, tvb);
        int length = tvb.u16(4);
        Tvb payload = tvb.slice(HEADER, Math.min(length, tvb.length() - HEADER));
        pinfo.call(ppp, payload, tree);
        return tvb.length();
    }
}
