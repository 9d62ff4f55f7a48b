package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * What the parts of one DNS message share while it is read: its bytes, where it starts (compression
 * pointers count from there), the tree and columns, and one reusable name reader. Decides once whether
 * names need to become text at all (labels, Info or a wanted name field).
 */
final class DnsMessage {
    final Tvb tvb;
    final int start;
    final PacketInfo pinfo;
    final ProtoItem root;
    final Columns cols;
    final boolean info;
    final boolean detailed;
    final boolean wantText;
    final DnsNameReader names = new DnsNameReader();

    /** Multicast DNS: a class's top bit is the question's QU or the record's cache-flush flag. */
    final boolean mdns;

    DnsMessage(Tvb tvb, int start, PacketInfo pinfo, ProtoItem root, boolean mdns) {
        this.mdns = mdns;
        this.tvb = tvb;
        this.start = start;
        this.pinfo = pinfo;
        this.root = root;
        this.cols = pinfo.columns();
        this.info = cols.enabled();
        this.detailed = root.tree().detailed();
        this.wantText = detailed || info || wantsAnyName(root.tree());
    }

    private static boolean wantsAnyName(PacketTree tree) {
        for (FieldDef f : DnsRecords.NAME_FIELDS) {
            if (tree.wants(f)) {
                return true;
            }
        }
        for (FieldDef f : DnsOtherRecords.NAME_FIELDS) {
            if (tree.wants(f)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the name at {@code off}; results are in {@link #names}. */
    DnsNameReader name(int off) {
        names.read(tvb, off, start, wantText);
        return names;
    }

    /** Appends {@code text} to Info when columns are wanted. */
    void info(String text) {
        if (info) {
            cols.appendInfo(text);
        }
    }

    /** Throws as tshark's tree code does when an item of {@code len} bytes at {@code off} is not all there. */
    void ensure(int off, int len) {
        if (len > 0 && !tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
    }
}
