package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subtrees tshark 4.0.17 builds under the 3GPP/IMS headers of a SIP message: P-Access-Network-Info
 * (RFC 7315: access type and cell identity), Security-Client/Server/Verify (RFC 3329: mechanism and
 * its IPsec parameters), P-Charging-Vector (ICID) and Session-ID (RFC 7989: UUIDs). A parameter tshark
 * does not name is shown as text.
 */
final class SipImsHeaders {
    static final FieldDef PANI_ACCESS_TYPE = FieldDef.string("sip.P-Access-Network-Info.access-type", "access-type");
    static final FieldDef PANI_CELL_ID = FieldDef.string("sip.P-Access-Network-Info.utran-cell-id-3gpp",
            "utran-cell-id-3gpp");
    static final FieldDef SEC_MECHANISM = FieldDef.string("sip.sec_mechanism", "[Security-mechanism]");
    static final FieldDef SEC_ALG = FieldDef.string("sip.sec_mechanism.alg", "alg");
    static final FieldDef SEC_EALG = FieldDef.string("sip.sec_mechanism.ealg", "ealg");
    static final FieldDef SEC_PROT = FieldDef.string("sip.sec_mechanism.prot", "prot");
    static final FieldDef SEC_SPI_C = FieldDef.uint32("sip.sec_mechanism.spi_c", "spi-c").base(Base.DEC_HEX);
    static final FieldDef SEC_SPI_S = FieldDef.uint32("sip.sec_mechanism.spi_s", "spi-s").base(Base.DEC_HEX);
    static final FieldDef SEC_PORT1 = FieldDef.uint16("sip.sec_mechanism.port1", "port1");
    static final FieldDef SEC_PORT_C = FieldDef.uint16("sip.sec_mechanism.port_c", "port-c");
    static final FieldDef SEC_PORT2 = FieldDef.uint16("sip.sec_mechanism.port2", "port2");
    static final FieldDef SEC_PORT_S = FieldDef.uint16("sip.sec_mechanism.port_s", "port-s");
    static final FieldDef ICID_VALUE = FieldDef.string("sip.icid_value", "icid-value");
    static final FieldDef SESSION_ID = FieldDef.bytes("sip.Session-ID.sess_id", "sess-id");
    static final FieldDef SESSION_PARAM = FieldDef.string("sip.Session-ID.param", "param");
    static final FieldDef SESSION_LOCAL = FieldDef.guid("sip.Session-ID.local_uuid", "local-uuid");
    static final FieldDef SESSION_REMOTE = FieldDef.guid("sip.Session-ID.remote_uuid", "remote-uuid");
    static final FieldDef SESSION_LOGME = FieldDef.bool("sip.Session-ID.logme", "logme").tfs(dev.dorsal.engine.spi.TrueFalse.SET);

    static final List<FieldDef> FIELDS = List.of(PANI_ACCESS_TYPE, PANI_CELL_ID, SEC_MECHANISM, SEC_ALG, SEC_EALG,
            SEC_PROT, SEC_SPI_C, SEC_SPI_S, SEC_PORT1, SEC_PORT_C, SEC_PORT2, SEC_PORT_S, ICID_VALUE, SESSION_ID,
            SESSION_PARAM, SESSION_LOCAL, SESSION_REMOTE, SESSION_LOGME);

    private static final Map<String, FieldDef> SEC_STRINGS = Map.of("alg", SEC_ALG, "ealg", SEC_EALG, "prot",
            SEC_PROT);
    private static final Map<String, FieldDef> SEC_NUMBERS = Map.of("spi-c", SEC_SPI_C, "spi-s", SEC_SPI_S, "port1",
            SEC_PORT1, "port-c", SEC_PORT_C, "port2", SEC_PORT2, "port-s", SEC_PORT_S);

    private SipImsHeaders() {}

    /** P-Access-Network-Info: split only when it has parameters, as tshark does. */
    static void accessNetworkInfo(ProtoItem h, Tvb tvb, int start, int end) {
        int semi = SipUri.indexOf(tvb, start, end, ';');
        if (semi < 0) {
            return;
        }
        int e = trimEnd(tvb, start, semi);
        h.addString(PANI_ACCESS_TYPE, tvb, start, e - start, tvb.utf8(start, e - start));
        SipHeaderTrees.forEachParam(tvb, semi, end, (ns, ne, vs, ve) -> {
            if (vs >= 0 && SipHeaderTrees.equalsIgnoreCase(tvb, ns, ne, "utran-cell-id-3gpp")) {
                h.addString(PANI_CELL_ID, tvb, vs, ve - vs, tvb.utf8(vs, ve - vs));
            } else {
                text(h, tvb, ns, ne, ve);
            }
        });
    }

    /** Security-Client, -Server, -Verify: the mechanism and its parameters. */
    static void security(ProtoItem h, Tvb tvb, int start, int end) {
        int semi = SipUri.indexOf(tvb, start, end, ';');
        int me = trimEnd(tvb, start, semi < 0 ? end : semi);
        h.addString(SEC_MECHANISM, tvb, start, me - start, tvb.utf8(start, me - start));
        if (semi < 0) {
            return;
        }
        SipHeaderTrees.forEachParam(tvb, semi, end, (ns, ne, vs, ve) -> {
            String name = tvb.ascii(ns, ne - ns).toLowerCase(Locale.ROOT);
            FieldDef s = vs < 0 ? null : SEC_STRINGS.get(name);
            FieldDef n = vs < 0 ? null : SEC_NUMBERS.get(name);
            if (s != null) {
                h.addString(s, tvb, vs, ve - vs, tvb.utf8(vs, ve - vs));
            } else if (n != null) {
                h.addUint(n, tvb, vs, ve - vs, SipMessage.leadingNumber(tvb.ascii(vs, ve - vs))
                        & (n.type() == dev.dorsal.engine.spi.FieldType.UINT16 ? 0xffff : 0xffffffffL));
            } else {
                text(h, tvb, ns, ne, ve);
            }
        });
    }

    /** P-Charging-Vector: the ICID value; other parameters as text. */
    static void chargingVector(ProtoItem h, Tvb tvb, int start, int end) {
        SipHeaderTrees.forEachParam(tvb, start, end, (ns, ne, vs, ve) -> {
            if (vs >= 0 && SipHeaderTrees.equalsIgnoreCase(tvb, ns, ne, "icid-value")) {
                h.addString(ICID_VALUE, tvb, vs, ve - vs, tvb.utf8(vs, ve - vs));
            } else {
                text(h, tvb, ns, ne, ve);
            }
        });
    }

    /**
     * Session-ID: the 32 hex digits shown as sess-id bytes, or, with parameters, hidden and shown as the
     * local UUID with the remote UUID, logme and other parameters after it.
     */
    static void sessionId(ProtoItem h, Tvb tvb, int start, int end) {
        int semi = SipUri.indexOf(tvb, start, end, ';');
        int ie = trimEnd(tvb, start, semi < 0 ? end : semi);
        byte[] id = hex(tvb.ascii(start, ie - start));
        if (id == null) {
            return;
        }
        ProtoItem sid = h.addBytes(SESSION_ID, tvb, start, ie - start, id);
        if (semi < 0) {
            return;
        }
        if (sid != h) {
            sid.setHidden();
        }
        h.addBytes(SESSION_LOCAL, tvb, start, ie - start, id);
        SipHeaderTrees.forEachParam(tvb, semi, end, (ns, ne, vs, ve) -> {
            byte[] remote = vs < 0 ? null : hex(tvb.ascii(vs, ve - vs));
            if (remote != null && SipHeaderTrees.equalsIgnoreCase(tvb, ns, ne, "remote")) {
                h.addBytes(SESSION_REMOTE, tvb, vs, ve - vs, remote);
            } else if (vs < 0 && SipHeaderTrees.equalsIgnoreCase(tvb, ns, ne, "logme")) {
                h.addBool(SESSION_LOGME, tvb, ns, ne - ns, true);
            } else {
                int e = ve >= 0 ? ve : ne;
                h.addString(SESSION_PARAM, tvb, ns, e - ns, tvb.utf8(ns, e - ns));
            }
        });
    }

    private static void text(ProtoItem h, Tvb tvb, int ns, int ne, int ve) {
        int e = ve >= 0 ? ve : ne;
        h.addText(tvb, ns, e - ns, tvb.utf8(ns, e - ns));
    }

    private static int trimEnd(Tvb tvb, int start, int end) {
        while (end > start && (tvb.u8(end - 1) == ' ' || tvb.u8(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** 32 hex digits as 16 bytes, or null. */
    private static byte[] hex(String s) {
        if (s.length() != 32) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
