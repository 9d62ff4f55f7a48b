package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.ProtoItem;

/**
 * Reads one question (name, type, class) into a {@code www.example.com: type A, class IN} subtree with
 * the generated name length and label count, and appends {@code A www.example.com} to Info.
 */
final class DnsQuestion {
    private DnsQuestion() {}

    /** Dissects the question at {@code off}; returns its length. */
    static int dissect(DnsMessage msg, int off, ProtoItem section) {
        DnsNameReader n = msg.name(off);
        String name = n.name;
        int nameUsed = n.used;
        int nameLen = n.displayLength();
        int labels = n.labelCount();
        int type = msg.tvb.u16(off + nameUsed);
        int rawClass = msg.tvb.u16(off + nameUsed + 2);
        int dnsClass = msg.mdns ? rawClass & 0x7fff : rawClass;
        // mDNS: the top bit asks for a unicast answer ("QU") instead of a multicast one ("QM").
        String mdnsText = msg.mdns ? ((rawClass & 0x8000) != 0 ? ", \"QU\" question" : ", \"QM\" question") : "";
        int used = nameUsed + 4;
        String typeName = msg.wantText ? DnsTypes.shortName(type) : null;
        if (msg.info) {
            msg.cols.appendInfo(" " + typeName + " " + name + mdnsText);
        }
        ProtoItem q = section.addText(msg.tvb, off, used, msg.detailed
                ? name + ": type " + typeName + ", class " + DnsValues.className(dnsClass) + mdnsText : null);
        ProtoItem parent = msg.detailed ? q : section;
        parent.addString(DnsDissector.QRY_NAME, msg.tvb, off, nameUsed, name);
        generated(parent, parent.addUint(DnsDissector.QRY_NAME_LEN, msg.tvb, off, nameUsed, nameLen));
        generated(parent, parent.addUint(DnsDissector.COUNT_LABELS, msg.tvb, off, nameUsed, labels));
        parent.add(DnsDissector.QRY_TYPE, msg.tvb, off + nameUsed, 2);
        if (msg.mdns) {
            parent.add(DnsDissector.QRY_CLASS_MDNS, msg.tvb, off + nameUsed + 2, 2);
            parent.add(DnsDissector.QRY_QU, msg.tvb, off + nameUsed + 2, 2);
        } else {
            parent.add(DnsDissector.QRY_CLASS, msg.tvb, off + nameUsed + 2, 2);
        }
        return used;
    }

    static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
