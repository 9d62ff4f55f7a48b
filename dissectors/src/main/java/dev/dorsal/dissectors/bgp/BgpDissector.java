package dev.dorsal.dissectors.bgp;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads BGP-4 (RFC 4271) on TCP port 179: the 19-byte header of every message, then OPEN
 * ({@link BgpOpen}), UPDATE ({@link BgpUpdate}), NOTIFICATION, KEEPALIVE and ROUTE-REFRESH (RFC 2918,
 * RFC 7313). Several messages in a segment are each shown; a message cut at the end of a segment is
 * reassembled through TCP. The Info column lists the message types joined by ", ".
 * Filter prefix {@code bgp.}.
 *
 * <pre>
 * | marker, all ones (16) | length (2) | type (1) | body (length - 19) |
 * </pre>
 */
public final class BgpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Border Gateway Protocol", "BGP", "bgp");
    static final int PORT = 179;
    static final int MARKER_SIZE = 16;
    static final int HEADER_SIZE = 19;

    static final FieldDef MARKER = FieldDef.bytes("bgp.marker", "Marker")
            .blurb("Must be set to all ones (16 Bytes)");
    static final FieldDef LENGTH = FieldDef.uint16("bgp.length", "Length")
            .blurb("The total length of the message, including the header in octets");
    static final FieldDef TYPE = FieldDef.uint8("bgp.type", "Type").vals(BgpValues.TYPES).blurb("BGP message type");
    static final FieldDef CONTINUATION = FieldDef.none("bgp.continuation", "Continuation");
    static final FieldDef MAJOR = FieldDef.uint8("bgp.notify.major_error", "Major error Code")
            .vals(BgpValues.MAJOR_ERRORS);
    static final FieldDef MINOR_HEADER = FieldDef.uint8("bgp.notify.minor_error", "Minor error Code (Message Header)")
            .vals(BgpValues.MINOR_HEADER);
    static final FieldDef MINOR_OPEN = FieldDef.uint8("bgp.notify.minor_error_open", "Minor error Code (Open Message)")
            .vals(BgpValues.MINOR_OPEN);
    static final FieldDef MINOR_UPDATE = FieldDef.uint8("bgp.notify.minor_error_update",
            "Minor error Code (Update Message)").vals(BgpValues.MINOR_UPDATE);
    static final FieldDef MINOR_EXPIRED = FieldDef.uint8("bgp.notify.minor_error_expired",
            "Minor error Code (Hold Timer Expired)");
    static final FieldDef MINOR_STATE = FieldDef.uint8("bgp.notify.minor_error_state",
            "Minor error Code (State Machine)").vals(BgpValues.MINOR_STATE);
    static final FieldDef MINOR_CEASE = FieldDef.uint8("bgp.notify.minor_error_cease", "Minor error Code (Cease)")
            .vals(BgpValues.MINOR_CEASE);
    static final FieldDef MINOR_CAPABILITY = FieldDef.uint8("bgp.notify.minor_error_capability",
            "Minor error Code (Capability Message)").vals(BgpValues.MINOR_CAPABILITY);
    static final FieldDef MINOR_UNKNOWN = FieldDef.uint8("bgp.notify.minor_error_unknown",
            "Minor error Code (Unknown)");
    static final FieldDef MINOR_DATA = FieldDef.bytes("bgp.notify.minor_data", "Data");
    static final FieldDef BAD_PEER_AS = FieldDef.uint32("bgp.notify.error_open.bad_peer_as", "Bad Peer AS");
    static final FieldDef COMMUNICATION_LENGTH = FieldDef.uint8("bgp.notify.communication_length",
            "BGP Shutdown Communication Length");
    static final FieldDef COMMUNICATION = FieldDef.string("bgp.notify.communication", "Shutdown Communication");
    static final FieldDef RR_AFI = FieldDef.uint16("bgp.route_refresh.afi", "Address family identifier (AFI)")
            .vals(BgpValues.AFI);
    static final FieldDef RR_SUBTYPE = FieldDef.uint8("bgp.route_refresh.subtype", "Subtype")
            .vals(BgpValues.RR_SUBTYPES);
    static final FieldDef RR_SAFI = FieldDef.uint8("bgp.route_refresh.safi",
            "Subsequent address family identifier (SAFI)").vals(BgpValues.SAFI);

    static final List<FieldDef> FIELDS = List.of(MARKER, LENGTH, TYPE, CONTINUATION, MAJOR, MINOR_HEADER, MINOR_OPEN,
            MINOR_UPDATE, MINOR_EXPIRED, MINOR_STATE, MINOR_CEASE, MINOR_CAPABILITY, MINOR_UNKNOWN, MINOR_DATA,
            BAD_PEER_AS, COMMUNICATION_LENGTH, COMMUNICATION, RR_AFI, RR_SUBTYPE, RR_SAFI);

    static final ExpertDef NOTIFY_UNKNOWN = new ExpertDef("bgp.notify.minor_error.unknown", "Unknown notification error",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);

    static final ExpertDef MARKER_INVALID = new ExpertDef("bgp.marker_invalid", "Marker is not all ones",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    private static final int OPEN = 1;
    private static final int UPDATE = 2;
    private static final int NOTIFICATION = 3;
    private static final int ROUTE_REFRESH = 5;
    private static final int OPEN_ERROR = 2;
    private static final int BAD_PEER = 2;
    private static final int CEASE = 6;
    private static final int SHUTDOWN = 2;
    private static final int RESET = 4;

    @Override
    public String name() {
        return "bgp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        List<FieldDef> all = new ArrayList<>(FIELDS);
        all.addAll(BgpOpen.FIELDS);
        all.addAll(BgpUpdate.FIELDS);
        all.addAll(BgpExtCommunities.FIELDS);
        r.fields(PROTO, all);
        r.experts(PROTO, List.of(NOTIFY_UNKNOWN, BgpUpdate.ATTR_INVALID, MARKER_INVALID));
        r.handle("bgp", PROTO, BgpDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("tcp.port").add(PORT, t.handle("bgp"));
    }

    /**
     * Walks the segment message by message. Bytes before the first marker (the tail of a message whose
     * start was not captured) are shown as a continuation; a message cut at the end asks TCP for the
     * rest. tshark 4.0.17 does not use its generic PDU splitter here, so no {@code tcp.pdu.size} is added.
     */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("BGP");
        cols.clearInfo();
        boolean desegment = pinfo.canDesegment();
        int off = 0;
        int total = tvb.reportedLength();
        boolean first = true;
        while (off < total) {
            // Only the segment's start is searched for a marker; later messages are taken where the
            // lengths say they are, a bad marker getting tshark's error.
            int marker = first ? nextMarker(tvb, off) : off;
            first = false;
            if (marker != off) {
                int len = (marker < 0 ? tvb.length() : marker) - off;
                ProtoItem bgp = tree.addProtocol(PROTO, tvb, off, len);
                bgp.add(CONTINUATION, tvb, off, len);
                if (marker < 0) {
                    return tvb.length();
                }
                off = marker;
            }
            int captured = tvb.length() - off;
            if (desegment && captured < HEADER_SIZE) {
                pinfo.setDesegment(off, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            int mlen = tvb.u16(off + MARKER_SIZE);
            if (desegment && captured < mlen) {
                pinfo.setDesegment(off, PacketInfo.ONE_MORE_SEGMENT); // tshark asks for whole segments
                return tvb.length();
            }
            message(tvb.slice(off, Math.min(mlen, total - off)), pinfo, tree);
            if (mlen < HEADER_SIZE) {
                return tvb.length(); // message() has thrown for a length shorter than the header
            }
            off += mlen;
        }
        return tvb.length();
    }

    /** {@code len} cut to the bytes captured from {@code off}: tshark shows a list even when the message ends first. */
    static int clamp(Tvb tvb, int off, int len) {
        return Math.max(0, Math.min(len, tvb.length() - off));
    }

    /** Offset of the first all-ones marker at or after {@code from} (one cut by the segment's end counts), or -1. */
    private static int nextMarker(Tvb tvb, int from) {
        int len = tvb.length();
        for (int i = from; i < len; i++) {
            int n = Math.min(MARKER_SIZE, len - i);
            if (allOnes(tvb, i, n)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allOnes(Tvb tvb, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (tvb.u8(off + i) != 0xff) {
                return false;
            }
        }
        return true;
    }

    /** Dissects one whole message: {@code tvb} holds exactly its bytes. */
    private static int message(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int type = tvb.u8(MARKER_SIZE + 2);
        String typeName = BgpValues.TYPES.nameOr(type, String.format("Unknown message type (0x%02x)", type));
        pinfo.columns().appendInfoSep(", ", typeName);
        ProtoItem bgp = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        bgp.appendText(" - " + typeName);
        ProtoItem m = bgp.add(MARKER, tvb, 0, MARKER_SIZE);
        if (!allOnes(tvb, 0, MARKER_SIZE)) {
            m.expert(MARKER_INVALID, "Marker is not all ones");
        }
        bgp.add(LENGTH, tvb, MARKER_SIZE, 2);
        bgp.add(TYPE, tvb, MARKER_SIZE + 2, 1);
        switch (type) {
            case OPEN -> BgpOpen.dissect(tvb, bgp);
            case UPDATE -> BgpUpdate.dissect(tvb, bgp);
            case NOTIFICATION -> notification(tvb, bgp);
            case ROUTE_REFRESH -> routeRefresh(tvb, bgp);
            default -> { }
        }
        return tvb.length();
    }

    /** RFC 4271 §4.5 with RFC 8203's shutdown communication for Cease subcodes 2 and 4. */
    private static void notification(Tvb tvb, ProtoItem bgp) {
        int off = HEADER_SIZE;
        int major = tvb.u8(off);
        bgp.add(MAJOR, tvb, off, 1);
        int minor = tvb.u8(off + 1);
        FieldDef minorField = switch (major) {
            case 1 -> MINOR_HEADER;
            case 2 -> MINOR_OPEN;
            case 3 -> MINOR_UPDATE;
            case 4 -> MINOR_EXPIRED;
            case 5 -> MINOR_STATE;
            case 6 -> MINOR_CEASE;
            case 7 -> MINOR_CAPABILITY;
            default -> MINOR_UNKNOWN;
        };
        ProtoItem mi = bgp.add(minorField, tvb, off + 1, 1);
        if (minorField == MINOR_UNKNOWN) {
            mi.expert(NOTIFY_UNKNOWN, "Unknown notification error (" + major + ")");
        }
        off += 2;
        int rest = tvb.length() - off;
        if (major == OPEN_ERROR && minor == BAD_PEER && rest >= 2) {
            bgp.addUint(BAD_PEER_AS, tvb, off, 2, tvb.u16(off));
        } else if (major == CEASE && (minor == SHUTDOWN || minor == RESET) && rest > 0) {
            int clen = tvb.u8(off);
            bgp.add(COMMUNICATION_LENGTH, tvb, off, 1);
            if (clen > 0) {
                bgp.addString(COMMUNICATION, tvb, off + 1, clen, tvb.utf8(off + 1, clen));
            }
        } else if (rest > 0) {
            bgp.add(MINOR_DATA, tvb, off, rest);
        }
    }

    /** RFC 2918 / RFC 7313: AFI, subtype (formerly reserved), SAFI. */
    private static void routeRefresh(Tvb tvb, ProtoItem bgp) {
        int off = HEADER_SIZE;
        bgp.add(RR_AFI, tvb, off, 2);
        bgp.add(RR_SUBTYPE, tvb, off + 2, 1);
        bgp.add(RR_SAFI, tvb, off + 3, 1);
    }
}
