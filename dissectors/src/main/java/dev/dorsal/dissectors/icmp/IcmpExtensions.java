package dev.dorsal.dissectors.icmp;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads what may follow an ICMP message body: RFC 4884 multi-part extensions after a quoted
 * datagram (with RFC 4950 MPLS label stack objects), and RFC 5944 Mobile IP agent advertisement
 * extensions after a router advertisement.
 *
 * <pre>
 * extension header: | version (4) | reserved (12) | checksum (16) |
 * object:           | length (16) | class (8) | C-type (8) | payload … |
 * </pre>
 */
final class IcmpExtensions {
    private IcmpExtensions() {}

    private static final ValueString MIP_TYPES = ValueString.of(0, "One byte padding extension",
            16, "Mobility Agent Advertisement Extension", 19, "Prefix Lengths Extension", 24, "Challenge Extension");
    private static final ValueString CLASSES = ValueString.of(1, "MPLS Label Stack Class",
            2, "Interface Information Object", 3, "Interface Identification Object");

    static final FieldDef MIP_TYPE = FieldDef.uint8("icmp.mip.type", "Extension Type").vals(MIP_TYPES);
    static final FieldDef MIP_LENGTH = FieldDef.uint8("icmp.mip.length", "Length");
    static final FieldDef MIP_PREFIX_LENGTH = FieldDef.uint8("icmp.mip.prefixlength", "Prefix Length");
    static final FieldDef MIP_SEQ = FieldDef.uint16("icmp.mip.seq", "Sequence Number");
    static final FieldDef MIP_LIFE = FieldDef.uint16("icmp.mip.life", "Registration Lifetime");
    static final FieldDef MIP_FLAGS = FieldDef.uint16("icmp.mip.flags", "Flags").hex();
    static final FieldDef MIP_R = flag("icmp.mip.r", "Registration Required", 0x8000);
    static final FieldDef MIP_B = flag("icmp.mip.b", "Busy", 0x4000);
    static final FieldDef MIP_H = flag("icmp.mip.h", "Home Agent", 0x2000);
    static final FieldDef MIP_F = flag("icmp.mip.f", "Foreign Agent", 0x1000);
    static final FieldDef MIP_M = flag("icmp.mip.m", "Minimal Encapsulation", 0x0800);
    static final FieldDef MIP_G = flag("icmp.mip.g", "GRE", 0x0400);
    static final FieldDef MIP_V = flag("icmp.mip.v", "VJ Comp", 0x0200);
    static final FieldDef MIP_RT = flag("icmp.mip.rt", "Reverse tunneling", 0x0100);
    static final FieldDef MIP_U = flag("icmp.mip.u", "UDP tunneling", 0x0080);
    static final FieldDef MIP_X = flag("icmp.mip.x", "Revocation support", 0x0040);
    static final FieldDef MIP_RESERVED = FieldDef.uint16("icmp.mip.reserved", "Reserved").hex().mask(0x003f);
    static final FieldDef MIP_COA = FieldDef.ipv4("icmp.mip.coa", "Care-Of-Address");
    static final FieldDef MIP_CHALLENGE = FieldDef.bytes("icmp.mip.challenge", "Challenge");
    static final FieldDef MIP_CONTENT = FieldDef.bytes("icmp.mip.content", "Content");
    static final FieldDef EXT = FieldDef.none("icmp.ext", "ICMP Extensions");
    static final FieldDef EXT_VERSION = FieldDef.uint8("icmp.ext.version", "Version");
    static final FieldDef EXT_RESERVED = FieldDef.uint16("icmp.ext.res", "Reserved").hex().mask(0x0fff);
    static final FieldDef EXT_CHECKSUM = FieldDef.uint16("icmp.ext.checksum", "Checksum").hex();
    static final FieldDef EXT_CHECKSUM_STATUS = FieldDef.uint8("icmp.ext.checksum.status", "Checksum Status")
            .base(Base.NONE).vals(IcmpDissector.CHECKSUM_STATUS);
    static final FieldDef EXT_LENGTH = FieldDef.uint16("icmp.ext.length", "Length");
    static final FieldDef EXT_CLASS = FieldDef.uint8("icmp.ext.class", "Class").vals(CLASSES);
    static final FieldDef EXT_CTYPE = FieldDef.uint8("icmp.ext.ctype", "C-Type");
    static final FieldDef EXT_DATA = FieldDef.bytes("icmp.ext.data", "Data");
    static final FieldDef MPLS_LABEL = FieldDef.uint24("icmp.mpls.label", "Label").mask(0xfffff0);
    static final FieldDef MPLS_EXP = FieldDef.uint24("icmp.mpls.exp", "Experimental").mask(0x00000e);
    static final FieldDef MPLS_S = FieldDef.bool("icmp.mpls.s", "Stack bit", 24, 0x000001);
    static final FieldDef MPLS_TTL = FieldDef.uint8("icmp.mpls.ttl", "Time to live");

    static final List<FieldDef> FIELDS = List.of(MIP_TYPE, MIP_LENGTH, MIP_PREFIX_LENGTH, MIP_SEQ, MIP_LIFE, MIP_FLAGS,
            MIP_R, MIP_B, MIP_H, MIP_F, MIP_M, MIP_G, MIP_V, MIP_RT, MIP_U, MIP_X, MIP_RESERVED, MIP_COA,
            MIP_CHALLENGE, MIP_CONTENT, EXT, EXT_VERSION, EXT_RESERVED, EXT_CHECKSUM, EXT_CHECKSUM_STATUS, EXT_LENGTH,
            EXT_CLASS, EXT_CTYPE, EXT_DATA, MPLS_LABEL, MPLS_EXP, MPLS_S, MPLS_TTL);

    static final ExpertDef EXT_CHECKSUM_BAD = new ExpertDef("icmp.ext.checksum_bad", "Bad checksum",
            ExpertDef.Group.CHECKSUM, ExpertDef.Severity.WARN);
    static final List<ExpertDef> EXPERTS = List.of(EXT_CHECKSUM_BAD);

    private static final FieldDef[] MIP_FLAG_FIELDS = {MIP_R, MIP_B, MIP_H, MIP_F, MIP_M, MIP_G, MIP_V, MIP_RT, MIP_U,
            MIP_X};

    private static FieldDef flag(String abbrev, String name, int mask) {
        return FieldDef.bool(abbrev, name, 16, mask).tfs(TrueFalse.TRUE_FALSE);
    }

    /** True when an RFC 4884 extension header (version 2, valid checksum) starts at {@code off}. */
    static boolean looksLikeExtension(Tvb tvb, int off) {
        if (!tvb.has(off, 4) || tvb.remaining(off) < tvb.reportedLength() - off) {
            return false;
        }
        return (tvb.u8(off) >>> 4) == 2 && Checksums.shouldBe(tvb, off, tvb.length() - off, off + 2) == tvb.u16(off + 2);
    }

    /** The multi-part extension structure at {@code off} up to the end of the message. */
    static void multiPart(Tvb tvb, int off, ProtoItem icmp) {
        int end = tvb.reportedLength();
        ProtoItem ext = Items.add(icmp, EXT, tvb, off, end - off);
        boolean detailed = icmp.tree().detailed();
        if (detailed) {
            ext.setText("ICMP Multi-Part Extensions");
        }
        ext.addUint(EXT_VERSION, tvb, off, 1, tvb.u8(off) >>> 4);
        Items.add(ext, EXT_RESERVED, tvb, off, 2);
        int sent = tvb.u16(off + 2);
        ProtoItem ck = ext.addUint(EXT_CHECKSUM, tvb, off + 2, 2, sent);
        int status = 2;
        if (tvb.length() >= end) {
            status = Checksums.verdict(ck, sent, Checksums.shouldBe(tvb, off, end - off, off + 2), EXT_CHECKSUM_BAD,
                    detailed);
        } else if (detailed) {
            ck.setText("Checksum: 0x" + IcmpDissector.hex4(sent) + " [unverified]");
        }
        ProtoItem st = ext.addUint(EXT_CHECKSUM_STATUS, tvb, off + 2, 0, status);
        if (st != ext) {
            st.setGenerated();
        }
        int p = off + 4;
        while (p + 4 <= end) {
            int len = tvb.u16(p);
            int cls = tvb.u8(p + 2);
            if (len < 4) {
                break;
            }
            String title = cls == 1 ? "MPLS Stack Entry" : "Unknown object (" + cls + "/" + tvb.u8(p + 3) + ")";
            ProtoItem obj = ext.addText(tvb, p, len, title);
            Items.add(obj, EXT_LENGTH, tvb, p, 2);
            Items.add(obj, EXT_CLASS, tvb, p + 2, 1);
            Items.add(obj, EXT_CTYPE, tvb, p + 3, 1);
            int q = p + 4;
            int objEnd = Math.min(end, p + len);
            if (cls == 1 && tvb.u8(p + 3) == 1) {
                for (; q + 4 <= objEnd; q += 4) {
                    long word = tvb.u32(q);
                    ProtoItem entry = obj.addText(tvb, q, 4, "Label: " + (word >>> 12) + ", Exp: " + ((word >>> 9) & 7)
                            + ", S: " + ((word >>> 8) & 1) + ", TTL: " + (word & 0xff));
                    Items.add(entry, MPLS_LABEL, tvb, q, 3);
                    Items.add(entry, MPLS_EXP, tvb, q, 3);
                    Items.add(entry, MPLS_S, tvb, q, 3);
                    Items.add(entry, MPLS_TTL, tvb, q + 3, 1);
                }
            } else if (objEnd > q) {
                Items.add(obj, EXT_DATA, tvb, q, objEnd - q);
            }
            p += len;
        }
    }

    /** Mobile IP agent advertisement extensions after the router entries. */
    static void mobileIp(Tvb tvb, int off, ProtoItem icmp) {
        boolean detailed = icmp.tree().detailed();
        int end = tvb.reportedLength();
        while (off < end) {
            int type = tvb.u8(off);
            String name = MIP_TYPES.nameOr(type, "Unknown");
            if (type == 0) {
                ProtoItem ext = icmp.addText(tvb, off, 1, "Ext: " + name);
                Items.add(ext, MIP_TYPE, tvb, off, 1);
                off++;
                continue;
            }
            int len = tvb.u8(off + 1);
            ProtoItem ext = icmp.addText(tvb, off, len + 2, "Ext: " + name);
            Items.add(ext, MIP_TYPE, tvb, off, 1);
            Items.add(ext, MIP_LENGTH, tvb, off + 1, 1);
            int body = off + 2;
            switch (type) {
                case 16 -> {
                    Items.add(ext, MIP_SEQ, tvb, body, 2);
                    Items.add(ext, MIP_LIFE, tvb, body + 2, 2);
                    int flags = tvb.u16(body + 4);
                    ProtoItem fl = Items.add(ext, MIP_FLAGS, tvb, body + 4, 2);
                    if (detailed) {
                        for (FieldDef f : MIP_FLAG_FIELDS) {
                            if ((flags & f.mask()) != 0) {
                                fl.appendText(", " + f.name());
                            }
                        }
                    }
                    for (FieldDef f : MIP_FLAG_FIELDS) {
                        Items.add(fl, f, tvb, body + 4, 2);
                    }
                    Items.add(fl, MIP_RESERVED, tvb, body + 4, 2);
                    for (int a = body + 6; a + 4 <= body + len; a += 4) {
                        Items.add(ext, MIP_COA, tvb, a, 4);
                    }
                }
                case 19 -> {
                    for (int i = 0; i < len; i++) {
                        Items.add(ext, MIP_PREFIX_LENGTH, tvb, body + i, 1);
                    }
                }
                case 24 -> Items.add(ext, MIP_CHALLENGE, tvb, body, len);
                default -> Items.add(ext, MIP_CONTENT, tvb, body, len);
            }
            off = body + len;
        }
    }
}
