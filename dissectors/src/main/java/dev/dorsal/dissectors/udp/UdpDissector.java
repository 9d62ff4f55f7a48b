package dev.dorsal.dissectors.udp;

import dev.dorsal.dissectors.conversation.AnnouncedConversations;
import dev.dorsal.dissectors.conversation.ConversationIndex;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.Preference;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Set;

/**
 * Reads the 8-byte UDP header (RFC 768), numbers the conversation, and hands the payload to the
 * protocol registered for its lower port, then its higher port, then to the {@code udp} heuristics,
 * then to {@code data}. Bound to IP protocol 17; filter prefix {@code udp}.
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |   Source Port   | Destination Port|
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * </pre>
 *
 * <p>Dispatch order (Wireshark's, documented once here and in the TCP dissector): the dissector of an
 * endpoint another protocol set up ({@link UdpSetup}, SDP's RTP), then of a conversation another
 * protocol announced ({@link #ANNOUNCED}, TFTP's transfers);
 * heuristics first only when {@code udp.try_heuristic_first} is on (default off); otherwise the {@code udp.port}
 * table with the lower non-zero port, then the higher one, then the {@code udp} heuristic list, then
 * {@code data}. The checksum is not verified (tshark's default).
 */
public final class UdpDissector implements DissectorProvider {
    /**
     * Conversations a protocol announced for another dissector (TFTP's transfers), whose datagrams go
     * to it before the port table; a wildcard port stays one (the server answers from any port).
     */
    public static final AnnouncedConversations ANNOUNCED = new AnnouncedConversations("udp", false);
    public static final ProtocolDef UDP = new ProtocolDef("User Datagram Protocol", "UDP", "udp");

    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef SRCPORT = FieldDef.uint16("udp.srcport", "Source Port").base(Base.PT_UDP);
    static final FieldDef DSTPORT = FieldDef.uint16("udp.dstport", "Destination Port").base(Base.PT_UDP);
    static final FieldDef PORT = FieldDef.uint16("udp.port", "Source or Destination Port").base(Base.PT_UDP);
    static final FieldDef STREAM = FieldDef.uint32("udp.stream", "Stream index");
    static final FieldDef LENGTH = FieldDef.uint16("udp.length", "Length");
    static final FieldDef CHECKSUM = FieldDef.uint16("udp.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_CALCULATED = FieldDef.uint16("udp.checksum_calculated", "Calculated Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("udp.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef PDU_SIZE = FieldDef.uint32("udp.pdu.size", "PDU Size");
    static final FieldDef TIME_RELATIVE = FieldDef.relativeTime("udp.time_relative", "Time since first frame");
    static final FieldDef TIME_DELTA = FieldDef.relativeTime("udp.time_delta", "Time since previous frame");
    static final FieldDef PAYLOAD = FieldDef.bytes("udp.payload", "Payload");

    static final List<FieldDef> FIELDS = List.of(SRCPORT, DSTPORT, PORT, STREAM, LENGTH, CHECKSUM,
            CHECKSUM_CALCULATED, CHECKSUM_STATUS_FIELD, PDU_SIZE, TIME_RELATIVE, TIME_DELTA, PAYLOAD);

    static final ExpertDef POSSIBLE_TRACEROUTE = new ExpertDef("udp.possible_traceroute", "Possible traceroute",
            Group.SEQUENCE, Severity.CHAT);
    static final ExpertDef LENGTH_BAD = new ExpertDef("udp.length.bad", "Bad length value",
            Group.MALFORMED, Severity.ERROR);
    static final ExpertDef CHECKSUM_ZERO = new ExpertDef("udp.checksum.zero", "Illegal checksum value (0)",
            Group.CHECKSUM, Severity.ERROR);
    static final ExpertDef CHECKSUM_BAD = new ExpertDef("udp.checksum.bad", "Bad checksum",
            Group.CHECKSUM, Severity.ERROR);
    static final ExpertDef LENGTH_BAD_ZERO = new ExpertDef("udp.length.bad_zero",
            "Length is zero but payload < 65536", Group.MALFORMED, Severity.WARN);

    static final List<ExpertDef> EXPERTS = List.of(POSSIBLE_TRACEROUTE, LENGTH_BAD, CHECKSUM_ZERO, CHECKSUM_BAD,
            LENGTH_BAD_ZERO);

    /** traceroute's first probe port is 33435; 10 hops of 3 probes follow it. */
    private static final int TRACEROUTE_FIRST_PORT = 33435;
    private static final int TRACEROUTE_PORTS = 30;

    static final Key<UdpConversations> CONVERSATIONS = Key.of("udp.conversations");

    private DissectorTable portTable;
    private HeuristicList heuristics;
    private Preference tryHeuristicFirst;
    /** The preference text last parsed and its meaning: parsed again only when the text changes. */
    private record Parsed(String text, boolean value) {}
    private Parsed heuristicFirstParsed = new Parsed(null, false);
    private DissectorHandle handle;

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(UDP);
        r.fields(UDP, FIELDS);
        r.experts(UDP, EXPERTS);
        handle = r.handle("udp", UDP, this::dissect);
        portTable = r.newTable("udp.port", "UDP port", FieldType.UINT16, Base.PT_UDP);
        r.flowShortcut("tcp", UdpFlowShortcut.besideTcp(portTable));
        r.flowShortcut("udp", UdpFlowShortcut.ofUdp(portTable));
        heuristics = r.newHeuristicList("udp");
        tryHeuristicFirst = r.preference(UDP, "try_heuristic_first", "Try heuristic sub-dissectors first", "FALSE");
    }

    @Override
    public void handoff(Tables t) {
        t.table("ip.proto").add(17, handle);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int srcPort = tvb.u16(0);
        int dstPort = tvb.u16(2);
        Columns cols = pinfo.columns();
        boolean detailed = tree.tree().detailed();
        cols.setProtocol("UDP");
        cols.clearInfo();
        if (cols.enabled()) {
            cols.appendInfo(srcPort + " \u2192 " + dstPort);
        }
        ProtoItem udp = tree.addProtocol(UDP, tvb, 0, 8, detailed
                ? "User Datagram Protocol, Src Port: " + srcPort + ", Dst Port: " + dstPort : null);
        udp.add(SRCPORT, tvb, 0, 2);
        ProtoItem dst = udp.add(DSTPORT, tvb, 2, 2);
        int hop = dstPort - TRACEROUTE_FIRST_PORT;
        if (hop >= 0 && hop < TRACEROUTE_PORTS) {
            dst.expert(POSSIBLE_TRACEROUTE, "Possible traceroute: hop #" + (hop / 3 + 1) + ", attempt #" + (hop % 3 + 1));
        }
        hidden(udp, udp.add(PORT, tvb, 0, 2));
        hidden(udp, udp.add(PORT, tvb, 2, 2));

        boolean inError = insideIcmpError(pinfo);
        int reported = tvb.reportedLength();
        int ulen = tvb.u16(4);
        ProtoItem lenItem = udp.add(LENGTH, tvb, 4, 2);
        if (ulen < 8) {
            if (detailed) {
                lenItem.setText("Length: " + ulen + " (bogus, must be >= 8)");
            }
            lenItem.expert(LENGTH_BAD, "Bad length value " + ulen + " < 8");
            if (cols.enabled()) {
                cols.appendInfo(" [BAD UDP LENGTH " + ulen + " < 8]");
            }
            return tvb.length();
        }
        if (ulen > reported && !inError) {
            if (detailed) {
                lenItem.setText("Length: " + ulen + " (bogus, payload length " + reported + ")");
            }
            lenItem.expert(LENGTH_BAD, "Bad length value " + ulen + " > IP payload length");
            if (cols.enabled()) {
                cols.appendInfo(" [BAD UDP LENGTH " + ulen + " > IP PAYLOAD LENGTH]");
            }
        }
        if (cols.enabled()) {
            cols.appendInfo(" Len=" + (ulen - 8));
        }
        addChecksum(udp, tvb, pinfo, inError, detailed);

        pinfo.setPorts("udp", srcPort, dstPort);
        UdpSetup.Announced[] announced = new UdpSetup.Announced[1];
        UdpConversations.Conversation conv = pinfo.state(CONVERSATIONS, UdpConversations::new)
                .find(pinfo.netSrc(), srcPort, pinfo.netDst(), dstPort, pinfo.frame().timestampNanos(),
                        inError ? null : UdpSetup.table(pinfo), announced);
        generated(udp, udp.addUint(STREAM, tvb, 8, 0, conv.index));
        if (conv.globalIndex < 0) {
            conv.globalIndex = ConversationIndex.next(pinfo);
        }
        ConversationIndex.setCurrent(pinfo, conv.globalIndex);
        if (ulen == 8) {
            return tvb.length();
        }
        if (!inError) {
            addTimestamps(udp, tvb, pinfo, conv, detailed);
        }
        // An ICMP error quotes only the start of the datagram: nothing to hand on when no payload is there.
        // What is quoted goes to the top of the tree, as tshark shows it, not under the ICMP error.
        if (!inError || tvb.remaining(8) > 0) {
            dispatch(tvb, pinfo, inError ? tree.tree().root() : tree, udp, srcPort, dstPort, ulen, announced[0]);
        }
        return tvb.length();
    }

    /** Adds the checksum and its status; a zero checksum means "none" over IPv4 and is illegal over IPv6. */
    private static void addChecksum(ProtoItem udp, Tvb tvb, PacketInfo pinfo, boolean inError, boolean detailed) {
        int sum = tvb.u16(6);
        ProtoItem item = udp.add(CHECKSUM, tvb, 6, 2);
        if (sum != 0) {
            if (detailed) {
                item.appendText(" [unverified]");
            }
            status(udp, udp.addUint(CHECKSUM_STATUS_FIELD, tvb, 6, 0, 2), 2, detailed);
        } else if (pinfo.netSrc().type() == Address.Type.IPv4 || inError) {
            if (detailed) {
                item.appendText(" [zero-value ignored]");
            }
            status(item, item.addUint(CHECKSUM_STATUS_FIELD, tvb, 6, 2, 3), 3, detailed); // covers the zero checksum
        } else {
            if (detailed) {
                item.appendText(" [zero-value illegal]");
            }
            item.expert(CHECKSUM_ZERO);
            status(item, item.addUint(CHECKSUM_STATUS_FIELD, tvb, 6, 0, 4), 4, detailed);
            if (pinfo.columns().enabled()) {
                pinfo.columns().appendInfo(" [ILLEGAL CHECKSUM (0)]");
            }
        }
    }

    private static void status(ProtoItem parent, ProtoItem item, int code, boolean detailed) {
        if (item != parent) {
            item.setGenerated();
            if (detailed) {
                item.setText("Checksum Status: " + CHECKSUM_STATUS.name(code));
            }
        }
    }

    /** Adds the per-conversation timestamps and moves the conversation's "previous" time to now. */
    private static void addTimestamps(ProtoItem udp, Tvb tvb, PacketInfo pinfo, UdpConversations.Conversation conv,
            boolean detailed) {
        long now = pinfo.frame().timestampNanos();
        long delta = now - conv.prevNanos;
        conv.prevNanos = now;
        ProtoItem ts = udp.addText(tvb, 0, 0, "Timestamps"); // at the header start, as PDML shows
        ProtoItem parent = detailed ? ts.setGenerated() : udp;
        generated(parent, parent.addTime(TIME_RELATIVE, tvb, 0, 0, now - conv.firstNanos));
        generated(parent, parent.addTime(TIME_DELTA, tvb, 0, 0, delta));
    }

    private boolean heuristicFirst() {
        String text = tryHeuristicFirst.value();
        Parsed p = heuristicFirstParsed;
        if (p.text() != text) {
            // Identity is enough: an unchanged preference hands back the same string.
            p = new Parsed(text, tryHeuristicFirst.boolValue());
            heuristicFirstParsed = p;
        }
        return p.value();
    }

    /** Shows the payload and offers it to the port table (low port first), the heuristics, then data. */
    private void dispatch(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtoItem udp, int srcPort, int dstPort, int ulen,
            UdpSetup.Announced setUp) {
        int captured = tvb.remaining(8);
        int reported = Math.max(0, tvb.reportedLength() - 8);
        if (ulen - 8 < reported) {
            reported = ulen - 8;
        }
        int len = Math.min(captured, reported);
        if (captured == 0) {
            tvb.u8(8); // tshark's payload item runs "to the end", which fails when nothing is left
        }
        ProtoItem payload = udp.add(PAYLOAD, tvb, 8, captured);
        if (payload != udp && tree.tree().detailed()) {
            payload.setText("UDP payload (" + len + (len == 1 ? " byte)" : " bytes)"));
        }
        if (!pinfo.transportPayloadWanted() && !toTunnel(portTable, srcPort, dstPort)) {
            return; // no consumer reads the layers above
        }
        Tvb next = tvb.slice(8, reported);
        if (setUp != null) {
            // a conversation another protocol set up (SDP's RTP) goes to its dissector first
            UdpSetup.setCurrent(pinfo, setUp.info);
            if (pinfo.call(setUp.handle, next, tree) > 0) {
                return;
            }
        }
        if (ANNOUNCED.tryDissect(pinfo, srcPort, dstPort, next, tree)) {
            return;
        }
        boolean heuristicFirst = heuristicFirst();
        if (heuristicFirst && heuristics.tryHeuristics(next, pinfo, tree)) {
            return;
        }
        int low = Math.min(srcPort, dstPort);
        int high = Math.max(srcPort, dstPort);
        if (low != 0 && portTable.tryDissect(low, next, pinfo, tree) > 0) {
            return;
        }
        if (high != 0 && portTable.tryDissect(high, next, pinfo, tree) > 0) {
            return;
        }
        if (!heuristicFirst && heuristics.tryHeuristics(next, pinfo, tree)) {
            return;
        }
        DissectorHandle data = pinfo.tables().handle("data");
        if (data != null) {
            pinfo.call(data, next, tree);
        }
    }

    /**
     * Protocols on UDP ports that carry link and network layers again (VXLAN's Ethernet frames, GTP's
     * tunnelled IP packets, LISP's Encapsulated Control Messages and data packets): their inner IP and
     * TCP layers are read even when no consumer wants what an application payload holds.
     */
    private static final Set<String> TUNNELS = Set.of("vxlan", "gtp", "lisp", "lisp-data");

    /** True when the port table {@code ports} sends this datagram to a tunnel. */
    static boolean toTunnel(DissectorTable ports, int srcPort, int dstPort) {
        return isTunnel(srcPort == 0 ? null : ports.lookup(srcPort))
                || isTunnel(dstPort == 0 ? null : ports.lookup(dstPort));
    }

    private static boolean isTunnel(DissectorHandle h) {
        return h != null && h.protocol() != null && TUNNELS.contains(h.protocol().filterName());
    }

    /** True inside the copy of an offending packet that an ICMP or ICMPv6 error carries. */
    static boolean insideIcmpError(PacketInfo pinfo) {
        List<String> layers = pinfo.layerNames();
        for (int i = layers.size() - 2; i >= 0; i--) {
            String l = layers.get(i);
            if (l.equals("icmp") || l.equals("icmpv6")) {
                return true;
            }
        }
        return false;
    }

    private static void hidden(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setHidden();
        }
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
