package dev.dorsal.dissectors.nbns;

import dev.dorsal.engine.spi.Columns;
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
import java.util.Locale;

/**
 * Reads the NetBIOS Datagram Service (RFC 1002 §4.4, UDP port 138; tshark's "NBDS", filter prefix
 * {@code nbdgm.}): the common header (type, flags, datagram ID, source address and port), then by
 * type the datagram length, offset and the source and destination NetBIOS names, an error code, or
 * the queried name. The user data above (SMB mailslots, the browser protocol) is shown as data:
 * Dorsal has no SMB dissector (docs/compat.md).
 *
 * <pre>
 * | type (8) | flags: node type(2) F M (8) | ID (16) | source IP (32) | source port (16) | ... |
 * </pre>
 */
public final class NbdsDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("NetBIOS Datagram Service", "NBDS", "nbdgm");
    static final int PORT = 138;

    static final int DIRECT_UNIQUE = 0x10;
    static final int DIRECT_GROUP = 0x11;
    static final int BROADCAST = 0x12;
    static final int ERROR = 0x13;
    static final int QUERY_REQUEST = 0x14;
    static final int POSITIVE_QUERY_RESPONSE = 0x15;
    static final int NEGATIVE_QUERY_RESPONSE = 0x16;

    static final ValueString TYPES = ValueString.of(DIRECT_UNIQUE, "Direct_unique datagram",
            DIRECT_GROUP, "Direct_group datagram", BROADCAST, "Broadcast datagram", ERROR, "Datagram error",
            QUERY_REQUEST, "Datagram query request", POSITIVE_QUERY_RESPONSE, "Datagram positive query response",
            NEGATIVE_QUERY_RESPONSE, "Datagram negative query response");
    static final ValueString NODE_TYPES = ValueString.of(0, "B node", 1, "P node", 2, "M node", 3, "NBDD");
    static final ValueString ERROR_CODES = ValueString.of(0x82, "Destination name not present",
            0x83, "Invalid source name format", 0x84, "Invalid destination name format");

    static final FieldDef TYPE = FieldDef.uint8("nbdgm.type", "Message Type").vals(TYPES)
            .blurb("NBDGM message type");
    static final FieldDef FLAGS = FieldDef.uint8("nbdgm.flags", "Flags").hex();
    static final FieldDef NEXT = FieldDef.bool("nbdgm.next", "More fragments follow", 8, 0x01)
            .tfs(TrueFalse.YES_NO).blurb("TRUE if more fragments follow");
    static final FieldDef FIRST = FieldDef.bool("nbdgm.first", "This is first fragment", 8, 0x02)
            .tfs(TrueFalse.YES_NO).blurb("TRUE if first fragment");
    static final FieldDef NODE_TYPE = FieldDef.uint8("nbdgm.node_type", "Node Type").mask(0x0c).vals(NODE_TYPES);
    static final FieldDef DGRAM_ID = FieldDef.uint16("nbdgm.dgram_id", "Datagram ID").hex()
            .blurb("Datagram identifier");
    static final FieldDef SRC_IP = FieldDef.ipv4("nbdgm.src.ip", "Source IP").blurb("Source IPv4 address");
    static final FieldDef SRC_PORT = FieldDef.uint16("nbdgm.src.port", "Source Port");
    static final FieldDef DGRAM_LEN = FieldDef.uint16("nbdgm.dgram_len", "Datagram length");
    static final FieldDef PKT_OFFSET = FieldDef.uint16("nbdgm.pkt_offset", "Packet offset");
    static final FieldDef ERROR_CODE = FieldDef.uint8("nbdgm.error_code", "Error code").hex().vals(ERROR_CODES);
    static final FieldDef SOURCE_NAME = FieldDef.string("nbdgm.source_name", "Source name");
    static final FieldDef DESTINATION_NAME = FieldDef.string("nbdgm.destination_name", "Destination name");

    static final List<FieldDef> FIELDS = List.of(TYPE, FLAGS, NEXT, FIRST, NODE_TYPE, DGRAM_ID, SRC_IP, SRC_PORT,
            DGRAM_LEN, PKT_OFFSET, ERROR_CODE, SOURCE_NAME, DESTINATION_NAME);
    static final List<FieldDef> FLAG_FIELDS = List.of(NEXT, FIRST, NODE_TYPE);

    private DissectorHandle data;

    @Override
    public String name() {
        return "nbdgm";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("nbdgm", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("nbdgm"));
        data = t.handle("data");
    }

    /** tshark's Info text of a message type. */
    static String typeInfo(int type) {
        return TYPES.nameOr(type, String.format(Locale.ROOT, "Unknown message type (0x%02x)", type));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("NBDS");
        cols.clearInfo();
        int type = tvb.u8(0);
        if (cols.enabled()) {
            cols.setInfo(typeInfo(type));
        }
        ProtoItem nbds = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        nbds.add(TYPE, tvb, 0, 1);
        Bitmask.add(nbds, FLAGS, FLAG_FIELDS, tvb, 1, 1, tvb.u8(1));
        nbds.add(DGRAM_ID, tvb, 2, 2);
        nbds.add(SRC_IP, tvb, 4, 4);
        nbds.add(SRC_PORT, tvb, 8, 2);
        int off = 10;
        switch (type) {
            case DIRECT_UNIQUE, DIRECT_GROUP, BROADCAST -> {
                bytesItem(nbds, DGRAM_LEN, tvb, off);
                bytesItem(nbds, PKT_OFFSET, tvb, off + 2);
                off += 4;
                off += name(tvb, off, nbds, SOURCE_NAME);
                off += name(tvb, off, nbds, DESTINATION_NAME);
                if (tvb.reportedLength() - off > 0 && data != null) {
                    nbds.setLength(off);
                    pinfo.call(data, tvb.slice(off), tree);
                }
            }
            case ERROR -> nbds.add(ERROR_CODE, tvb, off, 1);
            case QUERY_REQUEST, POSITIVE_QUERY_RESPONSE, NEGATIVE_QUERY_RESPONSE ->
                    name(tvb, off, nbds, DESTINATION_NAME);
            default -> {
            }
        }
        return tvb.length();
    }

    /** A length in bytes, labelled with tshark's singular or plural unit. */
    private static void bytesItem(ProtoItem nbds, FieldDef f, Tvb tvb, int off) {
        int v = tvb.u16(off);
        ProtoItem item = nbds.add(f, tvb, off, 2);
        if (item != nbds && nbds.tree().detailed()) {
            item.setText(f.name() + ": " + v + (v == 1 ? " byte" : " bytes"));
        }
    }

    /** An encoded NetBIOS name; returns the bytes it took. */
    private static int name(Tvb tvb, int off, ProtoItem nbds, FieldDef f) {
        NetbiosNames.Name name = NetbiosNames.read(tvb, off, 0);
        ProtoItem item = nbds.addString(f, tvb, off, name.used(), name.text());
        if (item != nbds && name.valid() && nbds.tree().detailed()) {
            item.setText(f.name() + ": " + name.text() + " (" + NetbiosNames.typeName(name.type()) + ")");
        }
        return name.used();
    }
}
