package dev.dorsal.dissectors.gre;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.dissectors.icmp.Checksums;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * Reads Generic Routing Encapsulation (IP protocol 47, over IPv4 and IPv6): the flags and version
 * word, the checksum (verified over the whole GRE packet when all of it was captured) and offset,
 * the key, sequence number and source routes of RFC 1701/2784/2890, and PPTP's enhanced GRE
 * (version 1, RFC 2637) whose key holds a payload length and call ID and which may carry an
 * acknowledgment number. The payload goes to the dissector registered for its protocol type in the
 * {@code gre.proto} table; an unknown type's bytes are shown as data inside the GRE item. Filter
 * prefix {@code gre.}.
 *
 * <pre>
 * | C R K S s Recur (8) | A flags (4) ver (3) | protocol type (16) |
 * | checksum (16) | offset (16) |      if C or R
 * | key (32) |                          if K (version 1: payload length (16), call ID (16))
 * | sequence number (32) |              if S
 * | acknowledgment number (32) |        if version 1 and A
 * | source route entries … |            if R, until a null entry
 * </pre>
 */
public final class GreDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Generic Routing Encapsulation", "GRE", "gre");

    /** Name of the table of protocol types (EtherType values). */
    public static final String PROTO_TABLE = "gre.proto";

    static final int FLAG_CHECKSUM = 0x8000;
    static final int FLAG_ROUTING = 0x4000;
    static final int FLAG_KEY = 0x2000;
    static final int FLAG_SEQUENCE = 0x1000;
    static final int FLAG_ACK = 0x0080;

    static final int ETHERNET_BRIDGING = 0x6558;
    static final int PPP = 0x880b;
    static final int ERSPAN = 0x88be;

    /** The protocol type names tshark 4.0 gives {@code gre.proto}. */
    static final ValueString TYPES = ValueString.builder().add(0x0000, "Possible GRE keepalive packet")
            .add(0x00fe, "OSI").add(0x0800, "IP").add(0x0806, "ARP").add(0x2000, "CDP (Cisco)").add(0x2001, "NHRP")
            .add(0x22eb, "ERSPAN III").add(0x6400, "MIKROTIK EoIP").add(ETHERNET_BRIDGING, "Transparent Ethernet bridging")
            .add(0x6559, "Frame Relay").add(0x8137, "IPX").add(0x86dd, "IPv6").add(PPP, "PPP")
            .add(0x8847, "MPLS label switched packet").add(0x8881, "CDMA2000 A10 Unstructured byte stream")
            .add(ERSPAN, "ERSPAN").add(0x88d2, "CDMA2000 A10 3GPP2 Packet").add(0x8909, "CiscoMetaData")
            .add(0x894f, "Network Service Header").add(0x9000, "ARUBA WLAN").add(0xb7ea, "Huawei GRE bonding")
            .add(0xfeae, "AIROHIVE AP AP").range(0x8200, 0x8370, "ARUBA WLAN").build();
    static final ValueString VERSIONS = ValueString.of(0, "GRE", 1, "Enhanced GRE");
    static final TrueFalse YES_NO = new TrueFalse("Yes", "No");
    static final ValueString CHECKSUM_STATUS = ValueString.of(0, "Bad", 1, "Good", 2, "Unverified",
            3, "Not present", 4, "Illegal");

    static final FieldDef PROTO_TYPE = FieldDef.uint16("gre.proto", "Protocol Type").hex().vals(TYPES);
    static final FieldDef FLAGS_AND_VERSION = FieldDef.uint16("gre.flags_and_version", "Flags and Version").hex();
    static final FieldDef F_CHECKSUM = FieldDef.bool("gre.flags.checksum", "Checksum Bit", 16, FLAG_CHECKSUM)
            .tfs(YES_NO);
    static final FieldDef F_ROUTING = FieldDef.bool("gre.flags.routing", "Routing Bit", 16, FLAG_ROUTING).tfs(YES_NO);
    static final FieldDef F_KEY = FieldDef.bool("gre.flags.key", "Key Bit", 16, FLAG_KEY).tfs(YES_NO);
    static final FieldDef F_SEQUENCE = FieldDef.bool("gre.flags.sequence_number", "Sequence Number Bit", 16,
            FLAG_SEQUENCE).tfs(YES_NO);
    static final FieldDef F_STRICT = FieldDef.bool("gre.flags.strict_source_route", "Strict Source Route Bit", 16,
            0x0800).tfs(YES_NO);
    static final FieldDef F_RECURSION = FieldDef.uint16("gre.flags.recursion_control", "Recursion control")
            .mask(0x0700);
    static final FieldDef F_ACK = FieldDef.bool("gre.flags.ack", "Acknowledgment", 16, FLAG_ACK).tfs(YES_NO);
    static final FieldDef F_RESERVED = FieldDef.uint16("gre.flags.reserved", "Flags (Reserved)").mask(0x00f8);
    /** Version 1 has the acknowledgment bit where version 0 has its first reserved bit. */
    static final FieldDef F_RESERVED_PPTP = FieldDef.uint16("gre.flags.reserved", "Flags (Reserved)").mask(0x0078);
    static final FieldDef F_VERSION = FieldDef.uint16("gre.flags.version", "Version").mask(0x0007).vals(VERSIONS);
    static final FieldDef CHECKSUM = FieldDef.uint16("gre.checksum", "Checksum").hex();
    static final FieldDef CHECKSUM_STATUS_FIELD = FieldDef.uint8("gre.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(CHECKSUM_STATUS);
    static final FieldDef OFFSET = FieldDef.uint16("gre.offset", "Offset");
    static final FieldDef KEY = FieldDef.uint32("gre.key", "Key").hex();
    static final FieldDef PAYLOAD_LENGTH = FieldDef.uint16("gre.key.payload_length", "Payload Length");
    static final FieldDef CALL_ID = FieldDef.uint16("gre.key.call_id", "Call ID");
    static final FieldDef SEQUENCE = FieldDef.uint32("gre.sequence_number", "Sequence Number");
    static final FieldDef ACK = FieldDef.uint32("gre.ack_number", "Acknowledgment Number");
    static final FieldDef ROUTING = FieldDef.none("gre.routing", "Routing");
    static final FieldDef ROUTING_AF = FieldDef.uint16("gre.routing.address_family", "Address Family");
    static final FieldDef ROUTING_SRE_OFFSET = FieldDef.uint8("gre.routing.sre_offset", "SRE Offset");
    static final FieldDef ROUTING_SRE_LENGTH = FieldDef.uint8("gre.routing.src_length", "SRE Length");
    static final FieldDef ROUTING_INFORMATION = FieldDef.bytes("gre.routing.information", "Routing Information");

    static final List<FieldDef> FIELDS = List.of(PROTO_TYPE, FLAGS_AND_VERSION, F_CHECKSUM, F_ROUTING, F_KEY,
            F_SEQUENCE, F_STRICT, F_RECURSION, F_ACK, F_RESERVED, F_RESERVED_PPTP, F_VERSION, CHECKSUM, CHECKSUM_STATUS_FIELD,
            OFFSET, KEY, PAYLOAD_LENGTH, CALL_ID, SEQUENCE, ACK, ROUTING, ROUTING_AF, ROUTING_SRE_OFFSET,
            ROUTING_SRE_LENGTH, ROUTING_INFORMATION);

    static final ExpertDef CHECKSUM_BAD = new ExpertDef("gre.checksum.incorrect", "Incorrect GRE Checksum",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    /** The flags and version word of the GRE header just read, for ERSPAN (which reads the S bit). */
    static final Key<Integer> FLAGS_KEY = Key.of("gre.flags");

    private DissectorTable table;
    private DissectorHandle data;

    @Override
    public String name() {
        return "gre";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(CHECKSUM_BAD));
        table = r.newTable(PROTO_TABLE, "GRE protocol type", FieldType.UINT16, Base.HEX);
        r.handle("gre", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        data = t.handle("data");
        t.table(Ipv4Dissector.PROTO_TABLE).add(47, t.handle("gre"));
        t.table(PROTO_TABLE).add(0x0800, t.handle("ip"));
        t.table(PROTO_TABLE).add(0x86dd, t.handle("ipv6"));
        t.table(PROTO_TABLE).add(0x0806, t.handle("arp"));
        t.table(PROTO_TABLE).add(ETHERNET_BRIDGING, t.handle("eth_withoutfcs"));
        t.table(PROTO_TABLE).add(0x8847, t.handle("mpls"));
        t.table(PROTO_TABLE).add(0x8848, t.handle("mpls"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int flags = tvb.u16(0);
        int type = tvb.u16(2);
        int version = flags & 7;
        String typeName = TYPES.name(type);
        String shown = typeName != null ? typeName : String.format(Locale.ROOT, "0x%04X - unknown", type);
        pinfo.columns().setProtocol("GRE");
        if (pinfo.columns().enabled()) {
            pinfo.columns().setInfo("Encapsulated " + (typeName != null ? typeName
                    : String.format(Locale.ROOT, "0x%04X (unknown)", type)));
        }
        boolean detailed = tree.tree().detailed();
        int length = headerLength(tvb, flags, version);
        ProtoItem gre = tree.addProtocol(PROTO, tvb, 0, length, "Generic Routing Encapsulation (" + shown + ")");

        ProtoItem fv = gre.add(FLAGS_AND_VERSION, tvb, 0, 2);
        fv.add(F_CHECKSUM, tvb, 0, 2);
        fv.add(F_ROUTING, tvb, 0, 2);
        fv.add(F_KEY, tvb, 0, 2);
        fv.add(F_SEQUENCE, tvb, 0, 2);
        fv.add(F_STRICT, tvb, 0, 2);
        fv.add(F_RECURSION, tvb, 0, 2);
        if (version == 1) {
            fv.add(F_ACK, tvb, 0, 2);
            fv.add(F_RESERVED_PPTP, tvb, 0, 2);
        } else {
            fv.add(F_RESERVED, tvb, 0, 2);
        }
        ProtoItem v = fv.add(F_VERSION, tvb, 0, 2);
        if (detailed && VERSIONS.name(version) == null) {
            v.setText(".... .... .... ." + bits3(version) + " = Version: Unknown (" + version + ")");
        }
        gre.add(PROTO_TYPE, tvb, 2, 2);

        int offset = 4;
        if ((flags & (FLAG_CHECKSUM | FLAG_ROUTING)) != 0) {
            checksum(tvb, gre, flags, detailed);
            gre.add(OFFSET, tvb, 6, 2);
            offset += 4;
        }
        if ((flags & FLAG_KEY) != 0) {
            if (version == 1) {
                gre.add(PAYLOAD_LENGTH, tvb, offset, 2);
                gre.add(CALL_ID, tvb, offset + 2, 2);
            } else {
                gre.add(KEY, tvb, offset, 4);
            }
            offset += 4;
        }
        if ((flags & FLAG_SEQUENCE) != 0) {
            gre.add(SEQUENCE, tvb, offset, 4);
            offset += 4;
        }
        if (version == 1 && (flags & FLAG_ACK) != 0) {
            gre.add(ACK, tvb, offset, 4);
            offset += 4;
        }
        if ((flags & FLAG_ROUTING) != 0) {
            offset = routing(tvb, gre, offset);
        }

        Tvb payload = tvb.slice(offset);
        if (payload.reportedLength() == 0) {
            return tvb.length();
        }
        pinfo.put(FLAGS_KEY, flags);
        int used = Dispatch.tryDissect(table, type, payload, pinfo, tree);
        if (used == Dispatch.DECLINED && Dispatch.errors(pinfo) == 0) {
            pinfo.call(data, payload, gre);
        }
        return tvb.length();
    }

    /** The header's length as its flags describe it, source routes included when they were captured. */
    private static int headerLength(Tvb tvb, int flags, int version) {
        int length = 4;
        if ((flags & (FLAG_CHECKSUM | FLAG_ROUTING)) != 0) {
            length += 4;
        }
        if ((flags & FLAG_KEY) != 0) {
            length += 4;
        }
        if ((flags & FLAG_SEQUENCE) != 0) {
            length += 4;
        }
        if (version == 1 && (flags & FLAG_ACK) != 0) {
            length += 4;
        }
        if ((flags & FLAG_ROUTING) != 0) {
            while (tvb.has(length, 4)) {
                int sreLength = tvb.u8(length + 3);
                length += 4 + sreLength;
                if (sreLength == 0) {
                    break;
                }
            }
        }
        return length;
    }

    private static void checksum(Tvb tvb, ProtoItem gre, int flags, boolean detailed) {
        ProtoItem ck = gre.add(CHECKSUM, tvb, 4, 2);
        if ((flags & FLAG_CHECKSUM) == 0) {
            return;
        }
        int sent = tvb.u16(4);
        int status;
        if (tvb.length() < tvb.reportedLength()) {
            if (detailed) {
                ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [unverified]", sent));
            }
            status = 2;
        } else {
            int shouldBe = Checksums.shouldBe(tvb, 0, tvb.length(), 4);
            if (shouldBe == sent) {
                if (detailed) {
                    ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [correct]", sent));
                }
                status = 1;
            } else {
                if (detailed) {
                    ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x incorrect, should be 0x%04x", sent,
                            shouldBe));
                }
                ck.expert(CHECKSUM_BAD, String.format(Locale.ROOT, "Incorrect GRE Checksum [should be 0x%04x]",
                        shouldBe));
                status = 0;
            }
        }
        gre.addUint(CHECKSUM_STATUS_FIELD, tvb, 4, 0, status).setGenerated();
    }

    /** The source route entries, each shown flat in the GRE tree as tshark does; ends after the null entry. */
    private static int routing(Tvb tvb, ProtoItem gre, int offset) {
        while (true) {
            int sreLength = tvb.u8(offset + 3);
            gre.add(ROUTING, tvb, offset, 4 + sreLength);
            gre.add(ROUTING_AF, tvb, offset, 2);
            gre.add(ROUTING_SRE_OFFSET, tvb, offset + 2, 1);
            gre.add(ROUTING_SRE_LENGTH, tvb, offset + 3, 1);
            if (sreLength > 0) {
                gre.add(ROUTING_INFORMATION, tvb, offset + 4, sreLength);
            }
            offset += 4 + sreLength;
            if (sreLength == 0) {
                return offset;
            }
        }
    }

    private static String bits3(int v) {
        return "" + ((v >> 2) & 1) + ((v >> 1) & 1) + (v & 1);
    }
}
