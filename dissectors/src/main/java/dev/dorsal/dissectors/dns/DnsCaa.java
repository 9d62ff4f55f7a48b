package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads a CAA record (RFC 8659): flags with the issuer-critical bit, then one property shown by its
 * tag ({@code Issue: letsencrypt.org}, {@code Issue Wildcard}, {@code Report URL}, or
 * {@code Unknown tag}) with the tag length, tag and value beneath it.
 */
final class DnsCaa {
    static final FieldDef FLAGS = FieldDef.uint8("dns.caa.flags", "CAA Flags").hex();
    static final FieldDef ISSUER_CRITICAL = FieldDef.bool("dns.caa.flags.issuer_critical", "Issuer Critical", 8, 0x80)
            .tfs(new TrueFalse("Critical", "Not critical"));
    static final FieldDef ISSUE = FieldDef.string("dns.caa.issue", "Issue");
    static final FieldDef ISSUEWILD = FieldDef.string("dns.caa.issuewild", "Issue Wildcard");
    static final FieldDef IODEF = FieldDef.string("dns.caa.iodef", "Report URL");
    static final FieldDef UNKNOWN = FieldDef.string("dns.caa.unknown", "Unknown tag");
    static final FieldDef TAG_LENGTH = FieldDef.uint8("dns.caa.tag_length", "Tag length");
    static final FieldDef TAG = FieldDef.string("dns.caa.tag", "Tag");
    static final FieldDef VALUE = FieldDef.string("dns.caa.value", "Value");

    static final List<FieldDef> FIELDS = List.of(FLAGS, ISSUER_CRITICAL, ISSUE, ISSUEWILD, IODEF, UNKNOWN, TAG_LENGTH,
            TAG, VALUE);

    private DnsCaa() {}

    static void dissect(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        ProtoItem flags = r.item.add(FLAGS, tvb, off, 1);
        flags.add(ISSUER_CRITICAL, tvb, off, 1);
        int tagLen = tvb.u8(off + 1);
        String tag = DnsRecords.ascii(tvb, off + 2, tagLen);
        int valueOff = off + 2 + tagLen;
        int valueLen = r.data + r.len - valueOff;
        String value = valueLen > 0 ? DnsText.formatAscii(tvb.bytes(valueOff, valueLen), 0, valueLen) : "";
        FieldDef f = switch (tag) {
            case "issue" -> ISSUE;
            case "issuewild" -> ISSUEWILD;
            case "iodef" -> IODEF;
            default -> UNKNOWN;
        };
        ProtoItem prop = r.item.addString(f, tvb, off + 1, r.len - 1, value);
        prop.add(TAG_LENGTH, tvb, off + 1, 1);
        prop.addString(TAG, tvb, off + 2, tagLen, tag);
        prop.addString(VALUE, tvb, valueOff, valueLen, value);
    }
}
