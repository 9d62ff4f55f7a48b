package dev.dorsal.dissectors.bgp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the body of a BGP OPEN message (RFC 4271 §4.2) and its optional parameters: capabilities
 * (RFC 5492) with multiprotocol (RFC 4760), route refresh (RFC 2918, RFC 7313), graceful restart
 * (RFC 4724), 4-octet AS (RFC 6793) and ADD-PATH (RFC 7911) decoded, others shown as bytes.
 *
 * <pre>
 * | version (1) | my AS (2) | hold time (2) | BGP identifier (4) | opt len (1) | parameters |
 * parameter: | type (1) | length (1) | value |      capability: | code (1) | length (1) | value |
 * </pre>
 */
final class BgpOpen {
    static final FieldDef VERSION = FieldDef.uint8("bgp.open.version", "Version")
            .blurb("The protocol version number");
    static final FieldDef MY_AS = FieldDef.uint16("bgp.open.myas", "My AS")
            .blurb("The Autonomous System number of the sender");
    static final FieldDef HOLD_TIME = FieldDef.uint16("bgp.open.holdtime", "Hold Time")
            .blurb("The number of seconds the sender proposes for Hold Time");
    static final FieldDef IDENTIFIER = FieldDef.ipv4("bgp.open.identifier", "BGP Identifier")
            .blurb("The BGP Identifier of the sender");
    static final FieldDef OPT_LEN = FieldDef.uint8("bgp.open.opt.len", "Optional Parameters Length")
            .blurb("The total length of the Optional Parameters field in octets");
    static final FieldDef OPT = FieldDef.none("bgp.open.opt", "Optional Parameters")
            .blurb("List of optional parameters");
    static final FieldDef PARAM = FieldDef.none("bgp.open.opt.param", "Optional Parameter");
    static final FieldDef PARAM_TYPE = FieldDef.uint8("bgp.open.opt.param.type", "Parameter Type")
            .vals(BgpValues.PARAM_TYPES).blurb("Unambiguously identifies individual parameters");
    static final FieldDef PARAM_LEN = FieldDef.uint8("bgp.open.opt.param.len", "Parameter Length")
            .blurb("Length of the Parameter Value");
    static final FieldDef PARAM_AUTH = FieldDef.bytes("bgp.open.opt.param.auth", "Authentication Data")
            .blurb("Deprecated");
    static final FieldDef PARAM_UNKNOWN = FieldDef.bytes("bgp.open.opt.param.unknown", "Unknown")
            .blurb("Unknown Parameter");
    static final FieldDef CAP = FieldDef.none("bgp.cap", "Capability");
    static final FieldDef CAP_TYPE = FieldDef.uint8("bgp.cap.type", "Type").vals(BgpValues.CAP_TYPES);
    static final FieldDef CAP_LENGTH = FieldDef.uint8("bgp.cap.length", "Length");
    static final FieldDef CAP_UNKNOWN = FieldDef.bytes("bgp.cap.unknown", "Unknown");
    static final FieldDef CAP_RESERVED = FieldDef.bytes("bgp.cap.reserved", "Reserved").blurb("Must be Zero");
    static final FieldDef MP_AFI = FieldDef.uint16("bgp.cap.mp.afi", "AFI").vals(BgpValues.AFI);
    static final FieldDef MP_SAFI = FieldDef.uint8("bgp.cap.mp.safi", "SAFI").vals(BgpValues.SAFI);
    static final FieldDef GR_TIMERS = FieldDef.uint16("bgp.cap.gr.timers", "Restart Timers").hex();
    static final FieldDef GR_RESTART = FieldDef.bool("bgp.cap.gr.timers.restart_flag", "Restart state", 16, 0x8000)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef GR_NOTIFICATION = FieldDef.bool("bgp.cap.gr.timers.notification_flag",
            "Graceful notification", 16, 0x4000).tfs(TrueFalse.YES_NO);
    static final FieldDef GR_TIME = FieldDef.uint16("bgp.cap.gr.timers.restart_time", "Time").mask(0xfff)
            .blurb("in us");
    static final FieldDef GR_AFI = FieldDef.uint16("bgp.cap.gr.afi", "AFI").vals(BgpValues.AFI);
    static final FieldDef GR_SAFI = FieldDef.uint8("bgp.cap.gr.safi", "SAFI").vals(BgpValues.SAFI);
    static final FieldDef GR_FLAG = FieldDef.uint8("bgp.cap.gr.flag", "Flag").hex();
    static final FieldDef GR_PFS = FieldDef.bool("bgp.cap.gr.flag.pfs", "Preserve forwarding state", 8, 0x80)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef AS4 = FieldDef.uint32("bgp.cap.4as", "AS Number");
    static final FieldDef AP_AFI = FieldDef.uint16("bgp.cap.ap.afi", "AFI").vals(BgpValues.AFI);
    static final FieldDef AP_SAFI = FieldDef.uint8("bgp.cap.ap.safi", "SAFI").vals(BgpValues.SAFI);
    static final FieldDef AP_SEND_RECEIVE = FieldDef.uint8("bgp.cap.ap.sendreceive", "Send/Receive")
            .vals(BgpValues.SEND_RECEIVE);

    static final List<FieldDef> FIELDS = List.of(VERSION, MY_AS, HOLD_TIME, IDENTIFIER, OPT_LEN, OPT, PARAM,
            PARAM_TYPE, PARAM_LEN, PARAM_AUTH, PARAM_UNKNOWN, CAP, CAP_TYPE, CAP_LENGTH, CAP_UNKNOWN, CAP_RESERVED,
            MP_AFI, MP_SAFI, GR_TIMERS, GR_RESTART, GR_NOTIFICATION, GR_TIME, GR_AFI, GR_SAFI, GR_FLAG, GR_PFS, AS4,
            AP_AFI, AP_SAFI, AP_SEND_RECEIVE);

    /** RFC 6793's placeholder for a 4-octet AS in 2-octet fields. */
    static final int AS_TRANS = 23456;
    private static final int PARAM_AUTHENTICATION = 1;
    private static final int PARAM_CAPABILITY = 2;

    private BgpOpen() {}

    static void dissect(Tvb tvb, ProtoItem bgp) {
        int off = BgpDissector.HEADER_SIZE;
        bgp.add(VERSION, tvb, off, 1);
        ProtoItem myAs = bgp.add(MY_AS, tvb, off + 1, 2);
        if (tvb.u16(off + 1) == AS_TRANS && myAs != bgp) {
            myAs.setText("My AS: " + AS_TRANS + " (AS_TRANS)");
        }
        bgp.add(HOLD_TIME, tvb, off + 3, 2);
        bgp.add(IDENTIFIER, tvb, off + 5, 4);
        int optLen = tvb.u8(off + 9);
        bgp.add(OPT_LEN, tvb, off + 9, 1);
        off += 10;
        if (optLen == 0) {
            return;
        }
        // The list is shown even when the message ends before it does (Bgp_open_malformed.pcap).
        ProtoItem opt = bgp.add(OPT, tvb, off, BgpDissector.clamp(tvb, off, optLen));
        int end = off + optLen;
        while (off < end) {
            int ptype = tvb.u8(off);
            String name = BgpValues.PARAM_TYPES.nameOr(ptype, "Unknown Parameter " + ptype);
            ProtoItem param = opt.add(PARAM, tvb, off, 1).setText("Optional Parameter: " + name);
            param.add(PARAM_TYPE, tvb, off, 1);
            int plen = tvb.u8(off + 1);
            param.add(PARAM_LEN, tvb, off + 1, 1);
            param.setLength(BgpDissector.clamp(tvb, off, 2 + plen));
            off += 2;
            if (ptype == PARAM_AUTHENTICATION) {
                param.add(PARAM_AUTH, tvb, off, plen);
                off += plen;
            } else if (ptype == PARAM_CAPABILITY) {
                int pend = off + plen;
                while (off < pend) {
                    off += capability(tvb, off, param);
                }
            } else {
                // tshark 4.0.17 shows an unknown parameter's value beside the parameter and reads the next
                // parameter from the start of that value.
                opt.add(PARAM_UNKNOWN, tvb, off, plen);
            }
        }
    }

    /** Adds one capability at {@code off}; returns its size. */
    private static int capability(Tvb tvb, int off, ProtoItem parent) {
        int code = tvb.u8(off);
        String name = BgpValues.CAP_TYPES.nameOr(code, "Unknown capability " + code);
        ProtoItem cap = parent.add(CAP, tvb, off, 1).setText("Capability: " + name);
        cap.add(CAP_TYPE, tvb, off, 1);
        int clen = tvb.u8(off + 1);
        cap.add(CAP_LENGTH, tvb, off + 1, 1);
        cap.setLength(BgpDissector.clamp(tvb, off, 2 + clen));
        int v = off + 2;
        switch (code) {
            case 1 -> {
                if (clen == 4) {
                    cap.add(MP_AFI, tvb, v, 2);
                    cap.add(CAP_RESERVED, tvb, v + 2, 1);
                    cap.add(MP_SAFI, tvb, v + 3, 1);
                } else {
                    unknown(tvb, v, clen, cap);
                }
            }
            case 64 -> gracefulRestart(tvb, v, clen, cap);
            case 65 -> {
                if (clen == 4) {
                    cap.add(AS4, tvb, v, 4);
                } else {
                    unknown(tvb, v, clen, cap);
                }
            }
            case 69 -> {
                for (int i = 0; i + 4 <= clen; i += 4) {
                    cap.add(AP_AFI, tvb, v + i, 2);
                    cap.add(AP_SAFI, tvb, v + i + 2, 1);
                    cap.add(AP_SEND_RECEIVE, tvb, v + i + 3, 1);
                }
            }
            default -> unknown(tvb, v, clen, cap);
        }
        return 2 + clen;
    }

    private static void unknown(Tvb tvb, int off, int len, ProtoItem cap) {
        if (len > 0) {
            cap.add(CAP_UNKNOWN, tvb, off, len);
        }
    }

    /** RFC 4724 §3: restart flags and time, then per address family a flag byte. */
    private static void gracefulRestart(Tvb tvb, int v, int clen, ProtoItem cap) {
        if (clen < 2) {
            unknown(tvb, v, clen, cap);
            return;
        }
        int timers = tvb.u16(v);
        ProtoItem t = cap.add(GR_TIMERS, tvb, v, 2);
        String tflags = ((timers & 0x8000) != 0 ? ", Restart state" : "")
                + ((timers & 0x4000) != 0 ? ", Graceful notification" : "");
        if (!tflags.isEmpty()) {
            t.appendText(tflags);
        }
        t.add(GR_RESTART, tvb, v, 2);
        t.add(GR_NOTIFICATION, tvb, v, 2);
        t.add(GR_TIME, tvb, v, 2);
        for (int i = 2; i + 4 <= clen; i += 4) {
            cap.add(GR_AFI, tvb, v + i, 2);
            cap.add(GR_SAFI, tvb, v + i + 2, 1);
            int flag = tvb.u8(v + i + 3);
            ProtoItem f = cap.add(GR_FLAG, tvb, v + i + 3, 1);
            if ((flag & 0x80) != 0) {
                f.appendText(", Preserve forwarding state");
            }
            f.add(GR_PFS, tvb, v + i + 3, 1);
        }
    }
}
