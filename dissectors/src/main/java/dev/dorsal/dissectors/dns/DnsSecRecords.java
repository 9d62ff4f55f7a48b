package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Decodes the RDATA of DNSSEC and DANE records (RFC 4034, 5155, 6698, 4255): DS/CDS, RRSIG, NSEC,
 * DNSKEY/CDNSKEY (with the computed key tag), NSEC3 (with the next hashed owner in base32hex),
 * NSEC3PARAM, TLSA and SSHFP. Type bit maps become one {@code RR type in bit map} item per type.
 */
final class DnsSecRecords {
    static final FieldDef DS_KEY_ID = FieldDef.uint16("dns.ds.key_id", "Key id").hex();
    static final FieldDef DS_ALGORITHM = FieldDef.uint8("dns.ds.algorithm", "Algorithm").vals(DnsValues.ALGORITHMS);
    static final FieldDef DS_DIGEST_TYPE = FieldDef.uint8("dns.ds.digest_type", "Digest Type")
            .vals(DnsValues.DIGEST_TYPES);
    static final FieldDef DS_DIGEST = FieldDef.bytes("dns.ds.digest", "Digest");
    static final FieldDef RRSIG_TYPE_COVERED = FieldDef.uint16("dns.rrsig.type_covered", "Type Covered")
            .vals(DnsTypes.DESCRIPTIONS);
    static final FieldDef RRSIG_ALGORITHM = FieldDef.uint8("dns.rrsig.algorithm", "Algorithm")
            .vals(DnsValues.ALGORITHMS);
    static final FieldDef RRSIG_LABELS = FieldDef.uint8("dns.rrsig.labels", "Labels");
    static final FieldDef RRSIG_ORIGINAL_TTL = FieldDef.uint32("dns.rrsig.original_ttl", "Original TTL");
    static final FieldDef RRSIG_EXPIRATION = FieldDef.absoluteTime("dns.rrsig.signature_expiration",
            "Signature Expiration");
    static final FieldDef RRSIG_INCEPTION = FieldDef.absoluteTime("dns.rrsig.signature_inception",
            "Signature Inception");
    static final FieldDef RRSIG_KEY_TAG = FieldDef.uint16("dns.rrsig.key_tag", "Key Tag");
    static final FieldDef RRSIG_SIGNER = FieldDef.string("dns.rrsig.signers_name", "Signer's name");
    static final FieldDef RRSIG_SIGNATURE = FieldDef.bytes("dns.rrsig.signature", "Signature");
    static final FieldDef NSEC_NEXT = FieldDef.string("dns.nsec.next_domain_name", "Next Domain Name");
    static final FieldDef DNSKEY_FLAGS = FieldDef.uint16("dns.dnskey.flags", "Flags").hex();
    static final FieldDef DNSKEY_ZONE_KEY = FieldDef.bool("dns.dnskey.flags.zone_key", "Zone Key", 16, 0x100)
            .tfs(new TrueFalse("This is the zone key for specified zone", "This it not a zone key"));
    static final FieldDef DNSKEY_REVOKED = FieldDef.bool("dns.dnskey.flags.key_revoked", "Key Revoked", 16, 0x80)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef DNSKEY_SEP = FieldDef.bool("dns.dnskey.flags.secure_entry_point", "Key Signing Key",
            16, 0x1).tfs(TrueFalse.YES_NO);
    static final FieldDef DNSKEY_RESERVED = FieldDef.uint16("dns.dnskey.flags.reserved", "Key Signing Key").hex()
            .mask(0xfe7e);
    static final FieldDef DNSKEY_PROTOCOL = FieldDef.uint8("dns.dnskey.protocol", "Protocol");
    static final FieldDef DNSKEY_ALGORITHM = FieldDef.uint8("dns.dnskey.algorithm", "Algorithm")
            .vals(DnsValues.ALGORITHMS);
    static final FieldDef DNSKEY_KEY_ID = FieldDef.uint16("dns.dnskey.key_id", "Key id");
    static final FieldDef DNSKEY_PUBLIC_KEY = FieldDef.bytes("dns.dnskey.public_key", "Public Key");
    static final FieldDef NSEC3_ALGO = FieldDef.uint8("dns.nsec3.algo", "Hash algorithm").vals(DnsValues.NSEC3_ALGOS);
    static final FieldDef NSEC3_FLAGS = FieldDef.uint8("dns.nsec3.flags", "NSEC3 flags");
    static final FieldDef NSEC3_OPT_OUT = FieldDef.bool("dns.nsec3.flags.opt_out", "NSEC3 Opt-out flag", 8, 0x1)
            .tfs(new TrueFalse("Additional insecure delegations allowed", "Additional insecure delegations forbidden"));
    static final FieldDef NSEC3_ITERATIONS = FieldDef.uint16("dns.nsec3.iterations", "NSEC3 iterations");
    static final FieldDef NSEC3_SALT_LENGTH = FieldDef.uint8("dns.nsec3.salt_length", "Salt length");
    static final FieldDef NSEC3_SALT_VALUE = FieldDef.bytes("dns.nsec3.salt_value", "Salt value");
    static final FieldDef NSEC3_HASH_LENGTH = FieldDef.uint8("dns.nsec3.hash_length", "Hash length");
    static final FieldDef NSEC3_HASH_VALUE = FieldDef.string("dns.nsec3.hash_value", "Next hashed owner");
    static final FieldDef TLSA_USAGE = FieldDef.uint8("dns.tlsa.certificate_usage", "Certificate Usage")
            .vals(DnsValues.TLSA_USAGES);
    static final FieldDef TLSA_SELECTOR = FieldDef.uint8("dns.tlsa.selector", "Selector")
            .vals(DnsValues.TLSA_SELECTORS);
    static final FieldDef TLSA_MATCHING = FieldDef.uint8("dns.tlsa.matching_type", "Matching Type")
            .vals(DnsValues.TLSA_MATCHING);
    static final FieldDef TLSA_DATA = FieldDef.bytes("dns.tlsa.certificate_association_data",
            "Certificate Association Data");
    static final FieldDef SSHFP_ALGORITHM = FieldDef.uint8("dns.sshfp.algorithm", "Algorithm")
            .vals(DnsValues.SSHFP_ALGOS);
    static final FieldDef SSHFP_TYPE = FieldDef.uint8("dns.sshfp.fingerprint.type", "Fingerprint type")
            .vals(DnsValues.SSHFP_TYPES);
    static final FieldDef SSHFP_FINGERPRINT = FieldDef.bytes("dns.sshfp.fingerprint", "Fingerprint");

    static final List<FieldDef> FIELDS = List.of(DS_KEY_ID, DS_ALGORITHM, DS_DIGEST_TYPE, DS_DIGEST,
            RRSIG_TYPE_COVERED, RRSIG_ALGORITHM, RRSIG_LABELS, RRSIG_ORIGINAL_TTL, RRSIG_EXPIRATION, RRSIG_INCEPTION,
            RRSIG_KEY_TAG, RRSIG_SIGNER, RRSIG_SIGNATURE, NSEC_NEXT, DNSKEY_FLAGS, DNSKEY_ZONE_KEY, DNSKEY_REVOKED,
            DNSKEY_SEP, DNSKEY_RESERVED, DNSKEY_PROTOCOL, DNSKEY_ALGORITHM, DNSKEY_KEY_ID, DNSKEY_PUBLIC_KEY,
            NSEC3_ALGO, NSEC3_FLAGS, NSEC3_OPT_OUT, NSEC3_ITERATIONS, NSEC3_SALT_LENGTH, NSEC3_SALT_VALUE,
            NSEC3_HASH_LENGTH, NSEC3_HASH_VALUE, TLSA_USAGE, TLSA_SELECTOR, TLSA_MATCHING, TLSA_DATA, SSHFP_ALGORITHM,
            SSHFP_TYPE, SSHFP_FINGERPRINT);

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private DnsSecRecords() {}

    static void ds(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        r.item.add(DS_KEY_ID, tvb, r.data, 2);
        r.item.add(DS_ALGORITHM, tvb, r.data + 2, 1);
        r.item.add(DS_DIGEST_TYPE, tvb, r.data + 3, 1);
        r.item.add(DS_DIGEST, tvb, r.data + 4, r.len - 4);
    }

    static void sshfp(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        r.item.add(SSHFP_ALGORITHM, tvb, r.data, 1);
        r.item.add(SSHFP_TYPE, tvb, r.data + 1, 1);
        r.item.add(SSHFP_FINGERPRINT, tvb, r.data + 2, r.len - 2);
    }

    static void rrsig(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        r.item.add(RRSIG_TYPE_COVERED, tvb, off, 2);
        r.item.add(RRSIG_ALGORITHM, tvb, off + 2, 1);
        r.item.add(RRSIG_LABELS, tvb, off + 3, 1);
        DnsRecords.seconds(r, RRSIG_ORIGINAL_TTL, off + 4);
        r.item.addTime(RRSIG_EXPIRATION, tvb, off + 8, 4, tvb.u32(off + 8) * 1_000_000_000L);
        r.item.addTime(RRSIG_INCEPTION, tvb, off + 12, 4, tvb.u32(off + 12) * 1_000_000_000L);
        r.item.add(RRSIG_KEY_TAG, tvb, off + 16, 2);
        off += 18;
        DnsNameReader n = r.msg.name(off);
        r.item.addString(RRSIG_SIGNER, tvb, off, n.used, n.name);
        off += n.used;
        r.item.add(RRSIG_SIGNATURE, tvb, off, r.data + r.len - off);
    }

    static void nsec(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        DnsNameReader n = r.msg.name(r.data);
        String next = n.name;
        if (r.textual()) {
            r.info(" " + next);
            r.label(", next domain name " + next);
        }
        r.item.addString(NSEC_NEXT, tvb, r.data, n.used, next);
        typeBitmap(r, r.data + n.used, r.data + r.len);
    }

    static void dnskey(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        ProtoItem flags = r.item.add(DNSKEY_FLAGS, tvb, off, 2);
        flags.add(DNSKEY_ZONE_KEY, tvb, off, 2);
        flags.add(DNSKEY_REVOKED, tvb, off, 2);
        flags.add(DNSKEY_SEP, tvb, off, 2);
        flags.add(DNSKEY_RESERVED, tvb, off, 2);
        r.item.add(DNSKEY_PROTOCOL, tvb, off + 2, 1);
        r.item.add(DNSKEY_ALGORITHM, tvb, off + 3, 1);
        ProtoItem id = r.item.addUint(DNSKEY_KEY_ID, tvb, off, 0, keyTag(tvb, off, r.len));
        if (id != r.item) {
            id.setGenerated();
        }
        r.item.add(DNSKEY_PUBLIC_KEY, tvb, off + 4, r.len - 4);
    }

    /** The key tag of RFC 4034 Appendix B over the whole RDATA (the MD5 variant for algorithm 1). */
    static int keyTag(Tvb tvb, int off, int len) {
        if (!tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        if (len >= 4 && tvb.u8(off + 3) == 1) {
            return len >= 3 ? tvb.u16(off + len - 3) : 0;
        }
        long ac = 0;
        for (int i = 0; i < len; i++) {
            int b = tvb.u8(off + i);
            ac += (i & 1) != 0 ? b : (long) b << 8;
        }
        ac += (ac >> 16) & 0xffff;
        return (int) (ac & 0xffff);
    }

    static void nsec3(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        r.item.add(NSEC3_ALGO, tvb, off, 1);
        ProtoItem flags = r.item.add(NSEC3_FLAGS, tvb, off + 1, 1);
        flags.add(NSEC3_OPT_OUT, tvb, off + 1, 1);
        r.item.add(NSEC3_ITERATIONS, tvb, off + 2, 2);
        int saltLen = tvb.u8(off + 4);
        r.item.add(NSEC3_SALT_LENGTH, tvb, off + 4, 1);
        r.item.add(NSEC3_SALT_VALUE, tvb, off + 5, saltLen);
        off += 5 + saltLen;
        int hashLen = tvb.u8(off);
        r.item.add(NSEC3_HASH_LENGTH, tvb, off, 1);
        off++;
        String hash = base32hex(tvb.bytes(off, hashLen));
        ProtoItem h = r.item.addString(NSEC3_HASH_VALUE, tvb, off, hashLen, hash);
        if (h != r.item) {
            h.setGenerated();
        }
        off += hashLen;
        typeBitmap(r, off, r.data + r.len);
    }

    static void nsec3param(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int off = r.data;
        if (r.textual()) {
            r.info(" " + r.owner);
        }
        r.item.add(NSEC3_ALGO, tvb, off, 1);
        r.item.add(NSEC3_FLAGS, tvb, off + 1, 1);
        r.item.add(NSEC3_ITERATIONS, tvb, off + 2, 2);
        int saltLen = tvb.u8(off + 4);
        r.item.add(NSEC3_SALT_LENGTH, tvb, off + 4, 1);
        r.item.add(NSEC3_SALT_VALUE, tvb, off + 5, saltLen);
    }

    static void tlsa(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        if (r.textual()) {
            r.info(" " + r.owner);
        }
        r.item.add(TLSA_USAGE, tvb, r.data, 1);
        r.item.add(TLSA_SELECTOR, tvb, r.data + 1, 1);
        r.item.add(TLSA_MATCHING, tvb, r.data + 2, 1);
        r.item.add(TLSA_DATA, tvb, r.data + 3, r.len - 3);
    }

    /** Windowed type bit map (RFC 4034 §4.1.2): one resp.type item per type present. */
    static void typeBitmap(DnsRecords.Rr r, int off, int end) {
        Tvb tvb = r.tvb();
        while (off < end) {
            int window = tvb.u8(off);
            int len = tvb.u8(off + 1);
            off += 2;
            for (int i = 0; i < len; i++) {
                int bits = tvb.u8(off + i);
                for (int b = 0; b < 8; b++) {
                    if ((bits & (0x80 >> b)) != 0) {
                        int type = window * 256 + i * 8 + b;
                        ProtoItem t = r.item.addUint(DnsRecords.RESP_TYPE, tvb, off + i, 1, type);
                        if (r.detailed() && t != r.item) {
                            t.setText("RR type in bit map: " + DnsTypes.description(type));
                        }
                    }
                }
            }
            off += len;
        }
    }

    /** NXT's plain type bit map (RFC 2535 §5.2): bit n set means type n is present. */
    static void plainBitmap(DnsRecords.Rr r, int off, int end) {
        Tvb tvb = r.tvb();
        for (int i = off; i < end; i++) {
            int bits = tvb.u8(i);
            for (int b = 0; b < 8; b++) {
                if ((bits & (0x80 >> b)) != 0) {
                    int type = (i - off) * 8 + b;
                    ProtoItem t = r.item.addUint(DnsRecords.RESP_TYPE, tvb, i, 1, type);
                    if (r.detailed() && t != r.item) {
                        t.setText("RR type in bit map: " + DnsTypes.description(type));
                    }
                }
            }
        }
    }

    /** Base32 with the extended hex alphabet (RFC 4648 §7), lower case, no padding. */
    static String base32hex(byte[] b) {
        StringBuilder sb = new StringBuilder((b.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32HEX[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32HEX[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }
}
