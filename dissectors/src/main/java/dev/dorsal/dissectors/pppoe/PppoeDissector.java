package dev.dorsal.dissectors.pppoe;

import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.ppp.PppDissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
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
    static final FieldDef FCN = FieldDef.uint16("pppoed.tags.credits.fcn", "FCN");
    static final FieldDef BCN = FieldDef.uint16("pppoed.tags.credits.bcn", "BCN");
    static final FieldDef SEQ_NUM = FieldDef.uint16("pppoed.tags.seq_num", "Sequence Number").hex();
    static final FieldDef CREDIT_SCALE = FieldDef.uint16("pppoed.tags.credit_scale", "Credit Scale Factor");

    /** RFC 5578's data-rate units. */
    static final ValueString RATE_UNITS = ValueString.builder()
            .add(0, "kilobits per second")
            .add(1, "megabits per second")
            .add(2, "gigabits per second")
            .add(3, "terabits per second")
            .build();
    private static final String[] RATE_SUFFIX = {" kbps", " mbps", " gbps", " tbps"};

    static final FieldDef METRICS_R = FieldDef.bool("pppoed.tags.metrics.r", "Receive Only", 16, 0x1)
            .tfs(TrueFalse.TRUE_FALSE);
    static final FieldDef MDR_UNITS = FieldDef.uint16("pppoed.tags.metrics.mdr_units", "MDR Units").hex().mask(0x18)
            .vals(RATE_UNITS);
    static final FieldDef CDR_UNITS = FieldDef.uint16("pppoed.tags.metrics.cdr_units", "CDR Units").hex().mask(0x6)
            .vals(RATE_UNITS);
    static final FieldDef RLQ = FieldDef.uint8("pppoed.tags.metrics.rlq", "Relative Link Quality");
    static final FieldDef RESOURCE = FieldDef.uint8("pppoed.tags.metrics.resource", "Resource");
    static final FieldDef LATENCY = FieldDef.uint16("pppoed.tags.metrics.latency", "Latency");
    static final FieldDef CURR_DRATE = FieldDef.uint16("pppoed.tags.metrics.curr_drate", "Curr. datarate");
    static final FieldDef MAX_DRATE = FieldDef.uint16("pppoed.tags.metrics.max_drate", "Max. datarate");

    static final FieldDef VENDOR_ID = FieldDef.uint32("pppoed.tags.vendor_id", "Vendor id");
    static final FieldDef VENDOR_UNSPECIFIED = FieldDef.bytes("pppoed.tags.vendor_unspecified", "Vendor unspecified");
    static final FieldDef VENDOR_TAGS = FieldDef.none("pppoed.tags.vendorspecific.tags", "Vendor Specific PPPoE Tags");
    static final FieldDef CIRCUIT_ID = FieldDef.string("pppoed.tags.circuit_id", "Circuit ID");
    static final FieldDef REMOTE_ID = FieldDef.string("pppoed.tags.remote_id", "Remote ID");

    static final ValueString TAG_NAMES = ValueString.builder()
            .add(0x0000, "End-Of-List")
            .add(0x0101, "Service-Name")
            .add(0x0102, "AC-Name")
            .add(0x0103, "Host-Uniq")
            .add(0x0104, "AC-Cookie")
            .add(0x0105, "Vendor-Specific")
            .add(0x0106, "Credits")
            .add(0x0107, "Metrics")
            .add(0x0108, "Sequence Number")
            .add(0x0109, "Credit Scale Factor")
            .add(0x0110, "Relay-Session-Id")
            .add(0x0111, "HURL")
            .add(0x0112, "MOTM")
            .add(0x0120, "PPP-Max-Payload")
            .add(0x0121, "IP Route Add")
            .add(0x0201, "Service-Name-Error")
            .add(0x0202, "AC-System-Error")
            .add(0x0203, "Generic-Error")
            .build();
    /** Tags with a layout of their own (or none: End-Of-List). */
    private static final java.util.Set<Integer> KNOWN = java.util.Set.of(0x0000, 0x0105, 0x0106, 0x0107, 0x0108,
            0x0109);

    static final FieldDef TAG = FieldDef.uint16("pppoed.tag", "Tag").hex().vals(TAG_NAMES);
    static final FieldDef TAG_LENGTH = FieldDef.uint16("pppoed.tag_length", "Tag Length");
    static final FieldDef UNKNOWN_DATA = FieldDef.bytes("pppoed.tag.unknown_data", "Unknown Data");

    static final List<FieldDef> PPPOED_FIELDS = List.of(TAG, TAG_LENGTH, UNKNOWN_DATA, TAGS, SERVICE_NAME, AC_NAME, HOST_UNIQ, AC_COOKIE,
            RELAY_SESSION_ID, HURL, MOTM, MAX_PAYLOAD, IP_ROUTE_ADD, SERVICE_NAME_ERROR, AC_SYSTEM_ERROR,
            GENERIC_ERROR, FCN, BCN, SEQ_NUM, CREDIT_SCALE, METRICS_R, MDR_UNITS, CDR_UNITS, RLQ, RESOURCE, LATENCY,
            CURR_DRATE, MAX_DRATE, VENDOR_ID, VENDOR_UNSPECIFIED, VENDOR_TAGS, CIRCUIT_ID, REMOTE_ID);

    /** The Broadband Forum's enterprise number (TR-101), whose vendor tags carry the line identifiers. */
    private static final long BBF = 3561;

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
        ppp = t.handle(PppDissector.NO_HDLC);
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
            int end = Math.min(HEADER + length, tvb.reportedLength());
            while (offset + 4 <= end) {
                int type = tvb.u16(offset);
                int tagLength = tvb.u16(offset + 2);
                int value = offset + 4;
                // tags are read from the whole frame: a value running into the Ethernet padding is
                // shown with it, one running past the frame is malformed, as in tshark
                Tvb payload = tvb;
                FieldDef f = tagField(type);
                // tshark leaves out empty tags (a PADI's any-service Service-Name)
                if (f != null && tagLength > 0) {
                    tags.add(f, payload, value, tagLength);
                } else if (tagField(type) == null && !KNOWN.contains(type)) {
                    // tshark shows an unknown tag's data from the length field on (two bytes early)
                    tags.add(TAG, payload, offset, 2);
                    tags.add(TAG_LENGTH, payload, offset + 2, 2);
                    tags.add(UNKNOWN_DATA, payload, offset + 2, tagLength);
                } else if (tagLength > 0) {
                    special(type, payload, value, tagLength, tags);
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

    /** The tags whose values have an inner layout: credits, sequence number, scale, metrics, vendor tags. */
    private static void special(int type, Tvb tvb, int value, int length, ProtoItem tags) {
        switch (type) {
            case 0x0106 -> {
                tags.add(FCN, tvb, value, 2);
                tags.add(BCN, tvb, value + 2, 2);
            }
            case 0x0108 -> tags.add(SEQ_NUM, tvb, value, 2);
            case 0x0109 -> tags.add(CREDIT_SCALE, tvb, value, 2);
            case 0x0107 -> {
                int flags = tvb.u16(value);
                tags.add(MDR_UNITS, tvb, value, 2);
                tags.add(CDR_UNITS, tvb, value, 2);
                tags.add(METRICS_R, tvb, value, 2);
                tags.add(RLQ, tvb, value + 2, 1);
                tags.add(RESOURCE, tvb, value + 3, 1);
                tags.add(LATENCY, tvb, value + 4, 2);
                tags.add(CURR_DRATE, tvb, value + 6, 2).setText("Curr. datarate: " + tvb.u16(value + 6)
                        + RATE_SUFFIX[(flags >> 1) & 3]);
                tags.add(MAX_DRATE, tvb, value + 8, 2).setText("Max. datarate: " + tvb.u16(value + 8)
                        + RATE_SUFFIX[(flags >> 3) & 3]);
            }
            case 0x0105 -> {
                long vendor = tvb.u32(value);
                tags.add(VENDOR_ID, tvb, value, 4);
                if (length <= 4) {
                    return;
                }
                if (vendor != BBF) {
                    tags.add(VENDOR_UNSPECIFIED, tvb, value + 4, length - 4);
                    return;
                }
                ProtoItem sub = tags.add(VENDOR_TAGS, tvb, value + 4, length - 4);
                int offset = value + 4;
                int end = value + length;
                while (offset + 2 <= end) {
                    int subType = tvb.u8(offset);
                    int subLength = tvb.u8(offset + 1);
                    if (subType == 1) {
                        sub.add(CIRCUIT_ID, tvb, offset + 2, subLength);
                    } else if (subType == 2) {
                        sub.add(REMOTE_ID, tvb, offset + 2, subLength);
                    }
                    offset += 2 + subLength;
                }
            }
            default -> { }
        }
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
