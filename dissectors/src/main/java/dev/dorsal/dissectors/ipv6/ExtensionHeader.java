package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.dissectors.ip.IpProtocols;
import dev.dorsal.dissectors.ip.Ipv4Dissector;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;

/**
 * What the IPv6 extension headers share: the next header and length fields at the start
 * (length counted in 8-byte units, not counting the first 8), their place inside the IPv6 tree,
 * and the hand-off to the next header through {@code ip.proto}.
 */
abstract class ExtensionHeader {
    final ProtocolDef proto;
    final FieldDef nxt;
    final FieldDef len;
    final FieldDef lenOctets;
    DissectorTable protoTable;
    DissectorHandle dataHandle;

    ExtensionHeader(ProtocolDef proto, FieldDef nxt, FieldDef len, FieldDef lenOctets) {
        this.proto = proto;
        this.nxt = nxt;
        this.len = len;
        this.lenOctets = lenOctets;
    }

    /** The next-header field of an extension header protocol {@code p} ("Next Header" or "Next header"). */
    static FieldDef nxtField(String p, String name) {
        return FieldDef.uint8(p + ".nxt", name).vals(IpProtocols.NAMES);
    }

    void handoff(Tables t, int protocolNumber, String handleName) {
        protoTable = t.table(Ipv4Dissector.PROTO_TABLE);
        dataHandle = t.handle("data");
        protoTable.add(protocolNumber, t.handle(handleName));
    }

    /** Adds the header's name to Info, as tshark does on entry (before reading anything). */
    static void info(PacketInfo pinfo, String name) {
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfoSep(" , ", name);
        }
    }

    /** Adds the header's item under the IPv6 tree, with next header and length; returns the header length. */
    int start(Tvb tvb, ProtoItem[] out, Ipv6Context ctx, String label) {
        return start(tvb, out, ctx, label, false);
    }

    /**
     * As {@link #start(Tvb, ProtoItem[], Ipv6Context, String)}; with {@code itemFirst} the item is
     * added before the length is read (tshark's routing header), so it shows even when the header
     * ends after one byte.
     */
    int start(Tvb tvb, ProtoItem[] out, Ipv6Context ctx, String label, boolean itemFirst) {
        ProtoItem item;
        int length;
        if (itemFirst) {
            // The routing header: item and next header before the length is read.
            item = ctx.ipv6Item.addProtocol(proto, tvb, 0, tvb.length());
            Items.add(item, nxt, tvb, 0, 1);
            length = (tvb.u8(1) + 1) * 8;
            item.setLength(length);
        } else {
            length = (tvb.u8(1) + 1) * 8;
            item = ctx.ipv6Item.addProtocol(proto, tvb, 0, length);
            Items.add(item, nxt, tvb, 0, 1);
        }
        if (label != null && item.tree().detailed()) {
            item.setText(label);
        }
        Items.add(item, len, tvb, 1, 1);
        ProtoItem octets = item.addUint(lenOctets, tvb, 1, 1, length);
        if (octets != item) {
            octets.setGenerated();
            if (item.tree().detailed()) {
                octets.setText("Length: " + length + " bytes");
            }
        }
        out[0] = item;
        return length;
    }

    /** Passes what follows this header of {@code length} bytes to the next header's dissector. */
    void next(Tvb tvb, int length, PacketInfo pinfo, ProtoItem tree, Ipv6Context ctx) {
        ctx.extend(length);
        Ipv6Dissector.nextHeader(tvb.u8(0), tvb.slice(length), pinfo, tree, ctx, protoTable, dataHandle);
    }
}
