package dev.dorsal.dissectors.ip;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Walks the IPv4 options after the fixed header (RFC 791 and later): each option becomes an item
 * {@code IP Option - <name> (<n> bytes)} with its type bits, length and body. Known bodies: source
 * and record routes, time stamps, Router Alert (RFC 2113), CIPSO (FIPS 188), stream ID, MTU probe
 * and reply (RFC 1063), traceroute (RFC 1393), selective directed broadcast (RFC 1770). Others are
 * shown by name and length only. Also finds the final destination of a source route
 * ({@link #finalDestinationOffset}).
 *
 * <pre>
 * | type: copy (1) class (2) number (5) | length (1) | data (length - 2) |   EOL and NOP are one byte
 * </pre>
 */
final class Ipv4Options {
    private Ipv4Options() {}

    private static final ValueString CLASSES = ValueString.of(0, "Control", 1, "Reserved for future use",
            2, "Debugging and measurement", 3, "Reserved for future use");
    private static final ValueString NUMBERS = ValueString.builder()
            .add(0, "End of Option List (EOL)").add(1, "No-Operation (NOP)").add(2, "Security")
            .add(3, "Loose source route").add(4, "Time stamp").add(5, "Extended security")
            .add(6, "Commercial IP security option").add(7, "Record route").add(8, "Stream identifier")
            .add(9, "Strict source route").add(10, "Experimental Measurement").add(11, "MTU probe")
            .add(12, "MTU Reply").add(13, "Experimental Flow Control").add(14, "Experimental Access Control")
            .add(15, "Ask Estrin").add(16, "IMI Traffic Descriptor").add(17, "Extended Internet Protocol")
            .add(18, "Traceroute").add(19, "Address Extension").add(20, "Router Alert")
            .add(21, "Selective Directed Broadcast").add(22, "Unassigned").add(23, "Dynamic Packet State")
            .add(24, "Upstream Multicast Packet").add(25, "Quick-Start").add(30, "RFC 3692-style experiment")
            .build();
    private static final ValueString ROUTER_ALERT = ValueString.builder().add(0, "Router shall examine packet")
            .range(1, 65535, "Reserved").build();
    private static final ValueString TIMESTAMP_FLAGS = ValueString.of(0, "Time stamps only",
            1, "Time stamp and address", 3, "Time stamps for prespecified addresses");
    private static final ValueString CIPSO_TAG_TYPES = ValueString.of(0, "Padding", 1, "Restrictive Category Bitmap",
            2, "Enumerated Categories", 5, "Ranged Categories", 6, "Permissive Categories", 7, "Free Form");

    // One item per option kind, registered as "ip.options.*" the way Wireshark registers them.
    static final FieldDef EOL = FieldDef.bytes("ip.options.eol", "End of Options List (EOL)");
    static final FieldDef NOP = FieldDef.bytes("ip.options.nop", "No Operation (NOP)");
    static final FieldDef SECURITY = FieldDef.bytes("ip.options.security", "Security");
    static final FieldDef EXT_SECURITY = FieldDef.bytes("ip.options.ext_security", "Extended Security");
    static final FieldDef CIPSO = FieldDef.bytes("ip.options.cipso", "Commercial Security");
    static final FieldDef LOOSE_ROUTE = FieldDef.bytes("ip.options.route", "Loose Source Route");
    static final FieldDef STRICT_ROUTE = FieldDef.bytes("ip.options.source_route", "Strict Source Route");
    static final FieldDef RECORD_ROUTE = FieldDef.bytes("ip.options.record_route", "Record Route");
    static final FieldDef SID = FieldDef.bytes("ip.options.sid", "Stream ID");
    static final FieldDef TIMESTAMP = FieldDef.bytes("ip.options.timestamp", "Time Stamp");
    static final FieldDef MTU_PROBE = FieldDef.bytes("ip.options.mtu_probe", "MTU Probe");
    static final FieldDef MTU_REPLY = FieldDef.bytes("ip.options.mtu_reply", "MTU Reply");
    static final FieldDef TRACEROUTE = FieldDef.bytes("ip.options.traceroute", "Traceroute");
    static final FieldDef ROUTER_ALERT_OPT = FieldDef.bytes("ip.options.routeralert", "Router Alert");
    static final FieldDef SDB = FieldDef.bytes("ip.options.sdb", "Selective Directed Broadcast");

    static final FieldDef TYPE = FieldDef.uint8("ip.opt.type", "Type");
    static final FieldDef TYPE_COPY = FieldDef.bool("ip.opt.type.copy", "Copy on fragmentation", 8, 0x80)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef TYPE_CLASS = FieldDef.uint8("ip.opt.type.class", "Class").mask(0x60).vals(CLASSES);
    static final FieldDef TYPE_NUMBER = FieldDef.uint8("ip.opt.type.number", "Number").mask(0x1f).vals(NUMBERS);
    static final FieldDef LEN = FieldDef.uint8("ip.opt.len", "Length");
    static final FieldDef PTR = FieldDef.uint8("ip.opt.ptr", "Pointer");
    static final FieldDef SID_VALUE = FieldDef.uint16("ip.opt.sid", "Stream Identifier");
    static final FieldDef MTU = FieldDef.uint16("ip.opt.mtu", "MTU");
    static final FieldDef ID_NUMBER = FieldDef.uint16("ip.opt.id_number", "ID Number");
    static final FieldDef OHC = FieldDef.uint16("ip.opt.ohc", "Outbound Hop Count");
    static final FieldDef RHC = FieldDef.uint16("ip.opt.rhc", "Return Hop Count");
    static final FieldDef ORIGINATOR = FieldDef.ipv4("ip.opt.originator", "Originator IP Address");
    static final FieldDef RA = FieldDef.uint16("ip.opt.ra", "Router Alert").vals(ROUTER_ALERT);
    static final FieldDef ADDR = FieldDef.ipv4("ip.opt.addr", "IP Address");
    static final FieldDef PADDING = FieldDef.bytes("ip.opt.padding", "Padding");
    static final FieldDef REC_RT = FieldDef.ipv4("ip.rec_rt", "Recorded Route");
    static final FieldDef REC_RT_HOST = FieldDef.string("ip.rec_rt_host", "Recorded Route Host");
    static final FieldDef SRC_RT = FieldDef.ipv4("ip.src_rt", "Source Route");
    static final FieldDef SRC_RT_HOST = FieldDef.string("ip.src_rt_host", "Source Route Host");
    static final FieldDef EMPTY_RT = FieldDef.ipv4("ip.empty_rt", "Empty Route");
    static final FieldDef EMPTY_RT_HOST = FieldDef.string("ip.empty_rt_host", "Empty Route Host");
    static final FieldDef OVERFLOW = FieldDef.uint8("ip.opt.overflow", "Overflow").mask(0xf0);
    static final FieldDef FLAG = FieldDef.uint8("ip.opt.flag", "Flag").hex().mask(0x0f).vals(TIMESTAMP_FLAGS);
    static final FieldDef TIME_STAMP = FieldDef.uint32("ip.opt.time_stamp", "Time stamp");
    static final FieldDef TIME_STAMP_ADDR = FieldDef.ipv4("ip.opt.time_stamp_addr", "Address");
    static final FieldDef CIPSO_DOI = FieldDef.uint32("ip.cipso.doi", "DOI");
    static final FieldDef CIPSO_TAG_TYPE = FieldDef.uint8("ip.cipso.tag_type", "Tag Type").vals(CIPSO_TAG_TYPES);
    static final FieldDef CIPSO_LEVEL = FieldDef.uint8("ip.cipso.sensitivity_level", "Sensitivity Level");
    static final FieldDef CIPSO_CATEGORIES = FieldDef.string("ip.cipso.categories", "Categories");
    static final FieldDef CIPSO_TAG_DATA = FieldDef.bytes("ip.cipso.tag_data", "Tag data");

    static final List<FieldDef> FIELDS = List.of(EOL, NOP, SECURITY, EXT_SECURITY, CIPSO, LOOSE_ROUTE, STRICT_ROUTE,
            RECORD_ROUTE, SID, TIMESTAMP, MTU_PROBE, MTU_REPLY, TRACEROUTE, ROUTER_ALERT_OPT, SDB, TYPE, TYPE_COPY,
            TYPE_CLASS, TYPE_NUMBER, LEN, PTR, SID_VALUE, MTU, ID_NUMBER, OHC, RHC, ORIGINATOR, RA, ADDR, PADDING,
            REC_RT, REC_RT_HOST, SRC_RT, SRC_RT_HOST, EMPTY_RT, EMPTY_RT_HOST, OVERFLOW, FLAG, TIME_STAMP,
            TIME_STAMP_ADDR, CIPSO_DOI, CIPSO_TAG_TYPE, CIPSO_LEVEL, CIPSO_CATEGORIES, CIPSO_TAG_DATA);

    static final ExpertDef LEN_INVALID = new ExpertDef("ip.opt.len.invalid", "Invalid length for option",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef PTR_BEFORE = new ExpertDef("ip.opt.ptr.before_address",
            "Pointer points before first address", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef PTR_MIDDLE = new ExpertDef("ip.opt.ptr.middle_address",
            "Pointer points to middle of address", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef SUBOPT_TOO_LONG = new ExpertDef("ip.subopt_too_long",
            "Suboption would go past end of option", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef NOP_RUN = new ExpertDef("ip.nop", "4 NOP in a row - a router may have removed some options",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef CIPSO_MALFORMED = new ExpertDef("ip.cipso.malformed", "Malformed CIPSO tag",
            ExpertDef.Group.SEQUENCE, ExpertDef.Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(LEN_INVALID, PTR_BEFORE, PTR_MIDDLE, SUBOPT_TOO_LONG, NOP_RUN,
            CIPSO_MALFORMED);

    private static final int LSRR = 0x83;
    private static final int SSRR = 0x89;

    /** A known option with a length byte: its item field, short name and fixed length (0 if variable). */
    private record Kind(FieldDef field, String name, int fixedLength) {}

    private static Kind kind(int type) {
        return switch (type) {
            case 0x82 -> new Kind(SECURITY, "Security", 0);
            case 0x85 -> new Kind(EXT_SECURITY, "Extended Security", 0);
            case 0x86 -> new Kind(CIPSO, "Commercial Security", 0);
            case LSRR -> new Kind(LOOSE_ROUTE, "Loose Source Route", 0);
            case SSRR -> new Kind(STRICT_ROUTE, "Strict Source Route", 0);
            case 0x07 -> new Kind(RECORD_ROUTE, "Record Route", 0);
            case 0x88 -> new Kind(SID, "Stream ID", 4);
            case 0x44 -> new Kind(TIMESTAMP, "Time Stamp", 0);
            case 0x0b -> new Kind(MTU_PROBE, "MTU Probe", 4);
            case 0x0c -> new Kind(MTU_REPLY, "MTU Reply", 4);
            case 0x52 -> new Kind(TRACEROUTE, "Traceroute", 12);
            case 0x94 -> new Kind(ROUTER_ALERT_OPT, "Router Alert", 4);
            case 0x95 -> new Kind(SDB, "Selective Directed Broadcast", 0);
            default -> null;
        };
    }

    /**
     * Offset, from the end of the fixed header, of the last address of a valid loose or strict
     * source route (the datagram's final destination), or 0 when there is none.
     */
    static int finalDestinationOffset(Tvb tvb, int offset, int length) {
        int start = offset;
        while (length > 0) {
            int opt = tvb.u8(offset);
            length--;
            if (opt == 0) {
                return 0;
            }
            if (opt == 1) {
                offset++;
                continue;
            }
            if (length == 0) {
                return 0;
            }
            int len = tvb.u8(offset + 1);
            length--;
            if (len < 2 || len - 2 > length) {
                return 0;
            }
            if (opt == LSRR || opt == SSRR) {
                int ptr = tvb.u8(offset + 2);
                if (ptr < 4 || (ptr & 3) != 0 || ptr > len) {
                    return 0;
                }
                return offset - start + len;
            }
            offset += len;
            length -= len - 2;
        }
        return 0;
    }

    /** Adds one item per option under {@code options} (the "Options: (n bytes)" node). */
    static void dissect(Tvb tvb, int offset, int length, PacketInfo pinfo, ProtoItem options, Ipv4Dissector.Header ip) {
        boolean detailed = options.tree().detailed();
        int nops = 0;
        while (length > 0) {
            int opt = tvb.u8(offset);
            length--;
            if (opt == 0 || opt == 1) {
                if (opt == 1) {
                    // Count NOPs in a row within one 32-bit word.
                    if (nops == 0 || offset % 4 != 0) {
                        nops++;
                        if (nops == 4) {
                            options.expert(NOP_RUN);
                        }
                    } else {
                        nops = 0;
                    }
                }
                ProtoItem item = Items.add(options, opt == 0 ? EOL : NOP, tvb, offset, 1);
                if (detailed) {
                    item.setText(opt == 0 ? "IP Option - End of Options List (EOL)" : "IP Option - No-Operation (NOP)");
                }
                type(tvb, offset, item);
                offset++;
                if (opt == 0) {
                    break;
                }
                continue;
            }
            Kind kind = kind(opt);
            String name = kind != null ? kind.name : "Unknown (0x" + hex2(opt) + ")";
            if (length == 0) {
                invalid(options, tvb, offset, 1, name + " (length byte past end of options)");
                return;
            }
            int optlen = tvb.u8(offset + 1);
            length--;
            if (optlen < 2) {
                invalid(options, tvb, offset, 2, name + " (with too-short option length = " + optlen + " byte"
                        + (optlen == 1 ? "" : "s") + ")");
                return;
            }
            if (optlen - 2 > length) {
                invalid(options, tvb, offset, length + 2, name + " (option length = " + optlen + " byte"
                        + (optlen == 1 ? "" : "s") + " says option goes past end of options)");
                return;
            }
            if (kind == null) {
                options.addText(tvb, offset, optlen, name + " (" + optlen + " byte" + (optlen == 1 ? ")" : "s)"));
            } else {
                option(tvb.slice(offset, optlen), pinfo, options, kind, opt, ip);
                if (detailed) {
                    options.appendText(", " + kind.name);
                }
            }
            offset += optlen;
            length -= optlen - 2;
        }
    }

    private static void option(Tvb opt, PacketInfo pinfo, ProtoItem options, Kind kind, int type, Ipv4Dissector.Header ip) {
        int optlen = opt.reportedLength();
        ProtoItem item = Items.add(options, kind.field, opt, 0, optlen);
        boolean detailed = options.tree().detailed();
        int shownLength = kind.fixedLength > 0 ? kind.fixedLength : optlen;
        if (detailed) {
            item.setText("IP Option - " + kind.name + " (" + shownLength + " bytes)");
        }
        type(opt, 0, item);
        ProtoItem lenItem = Items.add(item, LEN, opt, 1, 1);
        if (kind.fixedLength > 0 && optlen != kind.fixedLength) {
            lenItem.expert(LEN_INVALID, kind.name + " (with option length = " + optlen + " byte"
                    + (optlen == 1 ? "" : "s") + "; should be " + kind.fixedLength + ")");
        } else if (kind.fixedLength == 0 && optlen > 40) {
            lenItem.expert(LEN_INVALID);
        }
        switch (type) {
            case LSRR, SSRR -> route(opt, item, optlen, true);
            case 0x07 -> route(opt, item, optlen, false);
            case 0x44 -> timestamp(opt, item, optlen);
            case 0x94 -> {
                Items.add(item, RA, opt, 2, 2);
                if (detailed) {
                    int v = opt.u16(2);
                    item.appendText(": " + ROUTER_ALERT.nameOr(v, "Unknown (" + v + ")") + " (" + v + ")");
                }
            }
            case 0x88 -> Items.add(item, SID_VALUE, opt, 2, 2);
            case 0x0b, 0x0c -> Items.add(item, MTU, opt, 2, 2);
            case 0x52 -> {
                Items.add(item, ID_NUMBER, opt, 2, 2);
                Items.add(item, OHC, opt, 4, 2);
                Items.add(item, RHC, opt, 6, 2);
                Items.add(item, ORIGINATOR, opt, 8, 4);
            }
            case 0x95 -> {
                int off = 2;
                int left = optlen - 2;
                for (; left >= 4; off += 4, left -= 4) {
                    Items.add(item, ADDR, opt, off, 4);
                }
                if (left > 0) {
                    Items.add(item, PADDING, opt, off, left);
                }
            }
            case 0x86 -> cipso(opt, item, optlen);
            default -> { }
        }
    }

    private static void type(Tvb tvb, int offset, ProtoItem parent) {
        ProtoItem t = Items.add(parent, TYPE, tvb, offset, 1);
        Items.add(t, TYPE_COPY, tvb, offset, 1);
        Items.add(t, TYPE_CLASS, tvb, offset, 1);
        Items.add(t, TYPE_NUMBER, tvb, offset, 1);
    }

    /** Loose/strict source routes (with the final destination) and record route. */
    private static void route(Tvb opt, ProtoItem item, int optlen, boolean source) {
        int ptr = opt.u8(2);
        ProtoItem ptrItem = Items.add(item, PTR, opt, 2, 1);
        if (ptr < 4 || (ptr & 3) != 0) {
            ptrItem.expert(ptr < 4 ? PTR_BEFORE : PTR_MIDDLE);
            return;
        }
        int left = optlen - 3;
        for (int off = 3; left > 0; left -= 4, off += 4) {
            if (left < 4) {
                ptrItem.expert(SUBOPT_TOO_LONG);
                break;
            }
            if (ptr > optlen) {
                address(opt, item, off, REC_RT, REC_RT_HOST, false);
            } else if (source && off == optlen - 4) {
                Ipv4Dissector.addDestination(opt, off, item);
            } else if (off + 1 < ptr) {
                address(opt, item, off, REC_RT, REC_RT_HOST, false);
            } else if (off + 1 == ptr) {
                address(opt, item, off, source ? SRC_RT : EMPTY_RT, source ? SRC_RT_HOST : EMPTY_RT_HOST, true);
            } else {
                address(opt, item, off, source ? SRC_RT : EMPTY_RT, source ? SRC_RT_HOST : EMPTY_RT_HOST, false);
            }
        }
    }

    private static void address(Tvb opt, ProtoItem item, int off, FieldDef field, FieldDef host, boolean next) {
        long a = opt.u32(off);
        ProtoItem ti = item.addUint(field, opt, off, 4, a);
        if (next && item.tree().detailed()) {
            ti.setText(field.name() + ": " + AddressFormat.ipv4(a) + " <- (next)");
        }
        ProtoItem h = item.addString(host, opt, off, 4, item.tree().wants(host) ? AddressFormat.ipv4(a) : null);
        if (h != item) {
            h.setGenerated().setHidden();
        }
    }

    private static void timestamp(Tvb opt, ProtoItem item, int optlen) {
        int ptr = opt.u8(2);
        ProtoItem p = item.addUint(PTR, opt, 2, 1, ptr);
        if (item.tree().detailed()) {
            String note = ptr == 1 ? " (header is full)" : ptr < 5 ? " (points before first address)"
                    : ((ptr - 1) & 3) != 0 ? " (points to middle of field)" : "";
            p.setText("Pointer: " + ptr + note);
        }
        int flag = opt.u8(3) & 0x0f;
        Items.add(item, OVERFLOW, opt, 3, 1);
        Items.add(item, FLAG, opt, 3, 1);
        int off = 4;
        int left = optlen - 4;
        while (left > 0) {
            if (flag == 1 || flag == 3) {
                if (left < 8) {
                    item.expert(SUBOPT_TOO_LONG);
                    break;
                }
                long a = opt.u32(off);
                ProtoItem ai = item.addUint(TIME_STAMP_ADDR, opt, off, 4, a);
                if (item.tree().detailed()) {
                    ai.setText("Address: " + (a == 0 ? "-" : AddressFormat.ipv4(a)));
                }
                off += 4;
                left -= 4;
            } else if (left < 4) {
                item.expert(SUBOPT_TOO_LONG);
                break;
            }
            Items.add(item, TIME_STAMP, opt, off, 4);
            off += 4;
            left -= 4;
        }
    }

    /** CIPSO: a domain of interpretation, then tags; enumerated and bitmap categories are listed. */
    private static void cipso(Tvb opt, ProtoItem item, int optlen) {
        Items.add(item, CIPSO_DOI, opt, 2, 4);
        int off = 6;
        while (off < optlen) {
            int tagType = opt.u8(off);
            ProtoItem tag = Items.add(item, CIPSO_TAG_TYPE, opt, off, 1);
            int tagLen = off + 1 < optlen ? opt.u8(off + 1) : 1;
            if (tagType == 0) {
                off++;
                continue;
            }
            if (tagType != 1 && tagType != 2 && tagType != 5 && tagType != 6 && tagType != 7) {
                if (off + 1 < optlen && item.tree().detailed()) {
                    tag.appendText(" (" + tagLen + " bytes)");
                }
                return;
            }
            int min = tagType == 7 ? 2 : 4;
            if (tagLen < min || tagLen > 34 || off + tagLen - 1 > optlen) {
                tag.expert(CIPSO_MALFORMED);
                return;
            }
            if (tagType == 6 || tagType == 7) {
                Items.add(item, CIPSO_TAG_DATA, opt, off + 2, tagLen - 2);
                off += tagLen;
                continue;
            }
            Items.add(item, CIPSO_LEVEL, opt, off + 3, 1);
            int cats = off + 4;
            int end = off + tagLen;
            if (tagLen > 4) {
                StringBuilder sb = new StringBuilder();
                if (tagType == 1) {
                    for (int i = 0; i < tagLen - 4; i++) {
                        int b = opt.u8(cats + i);
                        for (int bit = 0; bit < 8; bit++) {
                            if ((b & (0x80 >>> bit)) != 0) {
                                sep(sb).append(i * 8 + bit);
                            }
                        }
                    }
                } else if (tagType == 2) {
                    for (int p = cats; p + 2 <= end; p += 2) {
                        sep(sb).append(opt.u16(p));
                    }
                } else {
                    for (int p = cats; p + 2 <= end; ) {
                        int high = opt.u16(p);
                        int low = 0;
                        if (p + 4 <= end) {
                            low = opt.u16(p + 2);
                            p += 4;
                        } else {
                            p += 2;
                        }
                        sep(sb).append(low != high ? high + "-" + low : Integer.toString(high));
                    }
                }
                item.addString(CIPSO_CATEGORIES, opt, cats, tagLen - 4, sb.toString());
            }
            off = end;
        }
    }

    private static StringBuilder sep(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        return sb;
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }

    /** A bad option length: a line saying so, with the expert under it (tshark's expert item). */
    private static void invalid(ProtoItem options, Tvb tvb, int offset, int length, String message) {
        options.addText(tvb, offset, length, message).expert(LEN_INVALID, message);
    }
}
