package dev.dorsal.dissectors.gre;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
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

/**
 * Cisco's Encapsulated Remote Switch Port Analyzer behind GRE (protocol types 0x88be and 0x22eb).
 * Without GRE's sequence number it is type I, no header of its own; with one, the version nibble
 * says type II (8-byte header: VLAN, CoS, encapsulation, truncation, session, index) or type III
 * (12 bytes: timestamp, security group tag, frame type, hardware ID, direction, granularity). The
 * mirrored frame follows, Ethernet unless type III names another frame type (then data), after type
 * III's optional platform sub-header when its O bit is set. Filter prefix {@code erspan.}.
 */
public final class ErspanDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Encapsulated Remote Switch Packet ANalysis", "ERSPAN",
            "erspan");

    static final int TYPE_II = 1;
    static final int TYPE_III = 2;
    static final int ERSPAN_III = 0x22eb;

    static final ValueString VERSIONS = ValueString.of(TYPE_II, "Type II", TYPE_III, "Type III");
    static final ValueString ENCAPS = ValueString.of(0, "Originally without VLAN tag", 1,
            "Originally ISL encapsulated", 2, "Originally 802.1Q encapsulated", 3, "VLAN tag preserved in frame");
    static final ValueString BSO = ValueString.of(0, "Good or unknown integrity", 1, "Short frame",
            2, "Oversized frame", 3, "CRC or alignment error");
    static final ValueString TRUNCATED = ValueString.of(0, "Not truncated", 1, "Truncated");
    static final ValueString FRAME_TYPES = ValueString.of(0, "Ethernet", 2, "IP");
    static final ValueString GRANULARITIES = ValueString.of(0, "100 microseconds", 1, "100 nanoseconds",
            2, "IEEE 1588", 3, "Custom granularity");

    static final FieldDef VERSION = FieldDef.uint16("erspan.version", "Version").mask(0xf000).vals(VERSIONS);
    static final FieldDef VLAN = FieldDef.uint16("erspan.vlan", "Vlan").mask(0x0fff);
    static final FieldDef COS = FieldDef.uint16("erspan.cos", "COS").mask(0xe000);
    static final FieldDef ENCAP = FieldDef.uint16("erspan.encap", "Encap").mask(0x1800).vals(ENCAPS);
    static final FieldDef BAD_SHORT_OVERSIZED = FieldDef.uint16("erspan.bso", "Bad/Short/Oversized").mask(0x1800)
            .vals(BSO);
    static final FieldDef TRUNCATED_FIELD = FieldDef.uint16("erspan.truncated", "Truncated").mask(0x0400)
            .vals(TRUNCATED);
    static final FieldDef SPAN_ID = FieldDef.uint16("erspan.spanid", "SpanID").mask(0x03ff);
    static final FieldDef RESERVED = FieldDef.uint32("erspan.reserved", "Reserved").mask(0xfff00000L);
    static final FieldDef INDEX = FieldDef.uint32("erspan.index", "Index").mask(0x000fffffL);
    static final FieldDef TIMESTAMP = FieldDef.uint32("erspan.timestamp", "Timestamp").mask(0xffffffffL);
    static final FieldDef SGT = FieldDef.uint16("erspan.sgt", "Security Group Tag").mask(0xffff);
    static final FieldDef HAS_ETHERNET = FieldDef.uint16("erspan.p", "Has Ethernet PDU").mask(0x8000);
    static final FieldDef FRAME_TYPE = FieldDef.uint16("erspan.ft", "Frame Type").mask(0x7c00).vals(FRAME_TYPES);
    static final FieldDef HARDWARE_ID = FieldDef.uint16("erspan.hw", "Hardware ID").mask(0x03f0);
    static final FieldDef DIRECTION = FieldDef.bool("erspan.direction", "Direction", 16, 0x0008)
            .tfs(new TrueFalse("Egress", "Ingress"));
    static final FieldDef GRANULARITY = FieldDef.uint16("erspan.gra", "Timestamp granularity").mask(0x0006)
            .vals(GRANULARITIES);
    static final FieldDef OPTIONAL = FieldDef.uint16("erspan.o", "Optional Sub headers").mask(0x0001);
    static final FieldDef PLATFORM_ID = FieldDef.uint32("erspan.platid", "Platform ID").mask(0xfc000000L);
    static final FieldDef PID1_RESERVED = FieldDef.uint32("erspan.pid1.rsvd1", "Reserved").mask(0x03fff000L);
    static final FieldDef PID1_VSM_ID = FieldDef.uint32("erspan.pid1.vsmid", "VSM Domain ID").mask(0x00000fffL);
    static final FieldDef PID1_PORT = FieldDef.uint32("erspan.pid1.port_index", "Port ID/Index").mask(0xffffffffL);
    static final FieldDef PID3_RESERVED = FieldDef.uint32("erspan.pid3.rsvd1", "Reserved").mask(0x03ffc000L);
    static final FieldDef PID3_PORT = FieldDef.uint32("erspan.pid3.port_index", "Port ID/Index").mask(0x00003fffL);
    static final FieldDef PID3_TIMESTAMP = FieldDef.uint32("erspan.pid3.timestamp", "Upper 32-bit Timestamp")
            .mask(0xffffffffL);
    static final FieldDef PID4_RESERVED1 = FieldDef.uint32("erspan.pid4.rsvd1", "Reserved").mask(0x03ffc000L);
    static final FieldDef PID4_RESERVED2 = FieldDef.uint32("erspan.pid4.rsvd2", "Reserved").mask(0x00003fffL);
    static final FieldDef PID4_RESERVED3 = FieldDef.uint32("erspan.pid4.rsvd3", "Reserved").mask(0xffffffffL);
    static final FieldDef PID5_SWITCH_ID = FieldDef.uint32("erspan.pid5.switchid", "Switch ID").mask(0x03ff0000L);
    static final FieldDef PID5_PORT = FieldDef.uint32("erspan.pid5.port_index", "Port ID/Index").mask(0x0000ffffL);
    static final FieldDef PID5_TIMESTAMP = FieldDef.uint32("erspan.pid5.timestamp", "Timestamp (seconds)")
            .mask(0xffffffffL);
    static final FieldDef PID7_RESERVED = FieldDef.uint32("erspan.pid7.rsvd1", "Reserved").mask(0x03f00000L);
    static final FieldDef PID7_SOURCE = FieldDef.uint32("erspan.pid7.source_index", "Source Index").mask(0x000fffffL);
    static final FieldDef PID7_TIMESTAMP = FieldDef.uint32("erspan.pid7.timestamp", "Upper 32-bit Timestamp")
            .mask(0xffffffffL);
    static final FieldDef PID_RESERVED = FieldDef.uint64("erspan.pid.rsvd", "Reserved").mask(0x03ffffffL);

    static final List<FieldDef> FIELDS = List.of(VERSION, VLAN, COS, ENCAP, BAD_SHORT_OVERSIZED, TRUNCATED_FIELD,
            SPAN_ID, RESERVED, INDEX, TIMESTAMP, SGT, HAS_ETHERNET, FRAME_TYPE, HARDWARE_ID, DIRECTION, GRANULARITY,
            OPTIONAL, PLATFORM_ID, PID1_RESERVED, PID1_VSM_ID, PID1_PORT, PID3_RESERVED, PID3_PORT, PID3_TIMESTAMP,
            PID4_RESERVED1, PID4_RESERVED2, PID4_RESERVED3, PID5_SWITCH_ID, PID5_PORT, PID5_TIMESTAMP, PID7_RESERVED,
            PID7_SOURCE, PID7_TIMESTAMP, PID_RESERVED);

    static final ExpertDef UNKNOWN_VERSION = new ExpertDef("erspan.version.unknown",
            "Unknown version, please report or test to use fake ERSPAN preference", ExpertDef.Group.UNDECODED,
            ExpertDef.Severity.WARN);

    private static final int TYPE_II_HEADER = 8;
    private static final int TYPE_III_HEADER = 12;
    private static final int PLATFORM_SUB_HEADER = 8;

    private DissectorHandle eth;
    private DissectorHandle data;

    @Override
    public String name() {
        return "erspan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(UNKNOWN_VERSION));
        r.handle("erspan", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        eth = t.handle("eth_withoutfcs");
        data = t.handle("data");
        t.table(GreDissector.PROTO_TABLE).add(GreDissector.ERSPAN, t.handle("erspan"));
        t.table(GreDissector.PROTO_TABLE).add(ERSPAN_III, t.handle("erspan"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Integer flags = pinfo.get(GreDissector.FLAGS_KEY);
        pinfo.columns().setProtocol("ERSPAN");
        pinfo.columns().setInfo("ERSPAN:");
        if (flags == null || (flags & GreDissector.FLAG_SEQUENCE) == 0) {
            tree.addProtocol(PROTO, tvb, 0, 0, "Encapsulated Remote Switch Packet ANalysis Type I");
            pinfo.call(eth, tvb, tree);
            return tvb.length();
        }
        ProtoItem erspan = tree.addProtocol(PROTO, tvb, 0, tvb.length(), "Encapsulated Remote Switch Packet ANalysis");
        int version = tvb.u16(0) >>> 12;
        boolean detailed = tree.tree().detailed();
        if (version != TYPE_II && version != TYPE_III) {
            if (detailed) {
                erspan.setText("Encapsulated Remote Switch Packet ANalysis Unknown");
            }
            erspan.add(VERSION, tvb, 0, 2);
            erspan.add(VERSION, tvb, 0, 2).expert(UNKNOWN_VERSION);
            return tvb.length();
        }
        if (detailed) {
            erspan.setText("Encapsulated Remote Switch Packet ANalysis " + VERSIONS.name(version));
        }
        erspan.add(VERSION, tvb, 0, 2);
        erspan.add(VLAN, tvb, 0, 2);
        erspan.add(COS, tvb, 2, 2);
        erspan.add(version == TYPE_II ? ENCAP : BAD_SHORT_OVERSIZED, tvb, 2, 2);
        erspan.add(TRUNCATED_FIELD, tvb, 2, 2);
        erspan.add(SPAN_ID, tvb, 2, 2);
        int header;
        boolean ethernet = true;
        if (version == TYPE_II) {
            erspan.add(RESERVED, tvb, 4, 4);
            erspan.add(INDEX, tvb, 4, 4);
            header = TYPE_II_HEADER;
        } else {
            erspan.add(TIMESTAMP, tvb, 4, 4);
            erspan.add(SGT, tvb, 8, 2);
            erspan.add(HAS_ETHERNET, tvb, 10, 2);
            erspan.add(FRAME_TYPE, tvb, 10, 2);
            erspan.add(HARDWARE_ID, tvb, 10, 2);
            erspan.add(DIRECTION, tvb, 10, 2);
            erspan.add(GRANULARITY, tvb, 10, 2);
            erspan.add(OPTIONAL, tvb, 10, 2);
            int word = tvb.u16(10);
            ethernet = ((word >>> 10) & 0x1f) == 0;
            header = TYPE_III_HEADER;
            if ((word & 1) != 0) {
                platformSubHeader(tvb, erspan, header);
                header += PLATFORM_SUB_HEADER;
            }
        }
        Tvb frame = tvb.slice(header);
        pinfo.call(ethernet ? eth : data, frame, tree);
        return tvb.length();
    }

    /** Type III's platform-specific sub-header: its layout follows the platform ID (6 bits). */
    private static void platformSubHeader(Tvb tvb, ProtoItem erspan, int off) {
        erspan.add(PLATFORM_ID, tvb, off, 4);
        int platform = tvb.u8(off) >>> 2;
        switch (platform) {
            case 0, 7 -> {
                erspan.add(PID7_RESERVED, tvb, off, 4);
                erspan.add(PID7_SOURCE, tvb, off, 4);
                erspan.add(PID7_TIMESTAMP, tvb, off + 4, 4);
            }
            case 1 -> {
                erspan.add(PID1_RESERVED, tvb, off, 4);
                erspan.add(PID1_VSM_ID, tvb, off, 4);
                erspan.add(PID1_PORT, tvb, off + 4, 4);
            }
            case 3 -> {
                erspan.add(PID3_RESERVED, tvb, off, 4);
                erspan.add(PID3_PORT, tvb, off, 4);
                erspan.add(PID3_TIMESTAMP, tvb, off + 4, 4);
            }
            case 4 -> {
                erspan.add(PID4_RESERVED1, tvb, off, 4);
                erspan.add(PID4_RESERVED2, tvb, off, 4);
                erspan.add(PID4_RESERVED3, tvb, off + 4, 4);
            }
            case 5, 6 -> {
                erspan.add(PID5_SWITCH_ID, tvb, off, 4);
                erspan.add(PID5_PORT, tvb, off, 4);
                erspan.add(PID5_TIMESTAMP, tvb, off + 4, 4);
            }
            default -> erspan.add(PID_RESERVED, tvb, off, 8);
        }
    }
}
