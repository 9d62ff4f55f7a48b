package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Decodes the RDATA of the rarer record types tshark 4.0 knows: the obsolete mailbox types (MD, MF,
 * MB, MG, MR, MINFO), NULL, RP, AFSDB, RT, KX, PX, GPOS, DHCID, NXT, SIG, CERT, ZONEMD, OPENPGPKEY,
 * EUI48/EUI64 and the ILNP locators (NID, L32, L64, LP). Most of them put the owner name in Info, as
 * tshark does.
 */
final class DnsOtherRecords {
    static final FieldDef RP_MAILBOX = FieldDef.string("dns.rp.mailbox", "Mailbox");
    static final FieldDef RP_TXT_RR = FieldDef.string("dns.rp.txt_rr", "TXT RR");
    static final FieldDef AFSDB_SUBTYPE = FieldDef.uint16("dns.afsdb.subtype", "Subtype");
    static final FieldDef AFSDB_HOSTNAME = FieldDef.string("dns.afsdb.hostname", "Hostname");
    static final FieldDef RT_PREFERENCE = FieldDef.uint16("dns.rt.subtype", "Preference");
    static final FieldDef RT_HOST = FieldDef.string("dns.rt.intermediate_host", "Intermediate Hostname");
    static final FieldDef KX_PREFERENCE = FieldDef.uint16("dns.kx.preference", "Preference");
    static final FieldDef KX_EXCHANGE = FieldDef.string("dns.kx.key_exchange", "Key Exchange");
    static final FieldDef PX_PREFERENCE = FieldDef.uint16("dns.px.preference", "Preference");
    static final FieldDef PX_MAP822 = FieldDef.string("dns.px.map822", "MAP822");
    static final FieldDef PX_MAPX400 = FieldDef.string("dns.px.map400", "MAPX400");
    static final FieldDef GPOS_LONGITUDE_LENGTH = FieldDef.uint8("dns.gpos.longitude_length", "Longitude length");
    static final FieldDef GPOS_LONGITUDE = FieldDef.string("dns.gpos.longitude", "Longitude");
    static final FieldDef GPOS_LATITUDE_LENGTH = FieldDef.uint8("dns.gpos.latitude_length", "Latitude length");
    static final FieldDef GPOS_LATITUDE = FieldDef.string("dns.gpos.latitude", "Latitude");
    static final FieldDef GPOS_ALTITUDE_LENGTH = FieldDef.uint8("dns.gpos.altitude_length", "Altitude length");
    static final FieldDef GPOS_ALTITUDE = FieldDef.string("dns.gpos.altitude", "Altitude");
    static final FieldDef DHCID = FieldDef.bytes("dns.dhcid.rdata", "DHCID Data");
    static final FieldDef NXT_NEXT = FieldDef.string("dns.nxt.next_domain_name", "Next Domain Name");
    static final FieldDef CERT_TYPE = FieldDef.uint16("dns.cert.type", "Type").vals(ValueString.of(1, "PKIX",
            2, "SPKI", 3, "PGP", 4, "IPKIX", 5, "ISPKI", 6, "IPGP", 7, "ACPKIX", 8, "IACPKIX", 253, "Private, URI",
            254, "Private, OID"));
    static final FieldDef CERT_KEY_TAG = FieldDef.uint16("dns.cert.key_tag", "Key Tag").hex();
    static final FieldDef CERT_ALGORITHM = FieldDef.uint8("dns.cert.algorithm", "Algorithm").vals(DnsValues.ALGORITHMS);
    static final FieldDef CERT_CERTIFICATE = FieldDef.bytes("dns.cert.certificate", "Certificate (or CRL)");
    static final FieldDef ZONEMD_SERIAL = FieldDef.uint32("dns.zonemd.serial", "Serial");
    static final FieldDef ZONEMD_SCHEME = FieldDef.uint8("dns.zonemd.scheme", "Scheme").vals(ValueString.builder()
            .add(0, "Reserved").add(1, "SIMPLE").range(2, 239, "Unassigned").range(240, 254, "Private Use")
            .add(255, "Reserved").build());
    static final FieldDef ZONEMD_HASH = FieldDef.uint8("dns.zonemd.hash_algo", "Hash Algorithm").vals(
            ValueString.builder().add(0, "Reserved").add(1, "SHA-384").add(2, "SHA-512").range(3, 239, "Unassigned")
                    .range(240, 254, "Private Use").add(255, "Reserved").build());
    static final FieldDef ZONEMD_DIGEST = FieldDef.bytes("dns.zonemd.digest", "Digest");
    static final FieldDef OPENPGPKEY = FieldDef.string("dns.openpgpkey", "OpenPGP Key");
    static final FieldDef EUI48 = FieldDef.ether("dns.eui48", "EUI48 Address");
    static final FieldDef EUI64 = FieldDef.of("dns.eui64", "EUI64 Address", FieldType.EUI64, Base.NONE);
    static final FieldDef NID_PREFERENCE = FieldDef.uint16("dns.ilnp.nid.preference", "Preference");
    static final FieldDef NID = FieldDef.bytes("dns.ilnp.nid", "NodeID");
    static final FieldDef L32_PREFERENCE = FieldDef.uint16("dns.ilnp.l32.preference", "Preference");
    static final FieldDef L32 = FieldDef.ipv4("dns.ilnp.l32", "Locator32");
    static final FieldDef L64_PREFERENCE = FieldDef.uint16("dns.ilnp.l64.preference", "Preference");
    static final FieldDef L64 = FieldDef.bytes("dns.ilnp.l64", "Locator64");
    static final FieldDef LP_PREFERENCE = FieldDef.uint16("dns.ilnp.lp.preference", "Preference");
    static final FieldDef LP = FieldDef.string("dns.ilnp.lp", "Locator FQDN");

    static final List<FieldDef> FIELDS = List.of(RP_MAILBOX, RP_TXT_RR, AFSDB_SUBTYPE, AFSDB_HOSTNAME, RT_PREFERENCE,
            RT_HOST, KX_PREFERENCE, KX_EXCHANGE, PX_PREFERENCE, PX_MAP822, PX_MAPX400, GPOS_LONGITUDE_LENGTH,
            GPOS_LONGITUDE, GPOS_LATITUDE_LENGTH, GPOS_LATITUDE, GPOS_ALTITUDE_LENGTH, GPOS_ALTITUDE, DHCID, NXT_NEXT,
            CERT_TYPE, CERT_KEY_TAG, CERT_ALGORITHM, CERT_CERTIFICATE, ZONEMD_SERIAL, ZONEMD_SCHEME, ZONEMD_HASH,
            ZONEMD_DIGEST, OPENPGPKEY, EUI48, EUI64, NID_PREFERENCE, NID, L32_PREFERENCE, L32, L64_PREFERENCE, L64,
            LP_PREFERENCE, LP);

    /** Types whose names are fields of {@link #FIELDS} (names decoded to text when one is wanted). */
    static final List<FieldDef> NAME_FIELDS = List.of(RP_MAILBOX, RP_TXT_RR, AFSDB_HOSTNAME, RT_HOST, KX_EXCHANGE,
            PX_MAP822, PX_MAPX400, NXT_NEXT, LP);

    static final int RP = 17;
    static final int AFSDB = 18;
    static final int RT = 21;
    static final int SIG = 24;
    static final int PX = 26;
    static final int GPOS = 27;
    static final int NXT = 30;
    static final int KX = 36;
    static final int CERT = 37;
    static final int DHCID_TYPE = 49;
    static final int OPENPGPKEY_TYPE = 61;
    static final int ZONEMD = 63;
    static final int NID_TYPE = 104;
    static final int L32_TYPE = 105;
    static final int L64_TYPE = 106;
    static final int LP_TYPE = 107;
    static final int EUI48_TYPE = 108;
    static final int EUI64_TYPE = 109;

    private DnsOtherRecords() {}

    /** Decodes the types above; false for a type it does not know. */
    static boolean dissect(DnsRecords.Rr r) {
        switch (r.type) {
            case DnsTypes.MD -> ownerAndName(r, DnsRecords.MD);
            case DnsTypes.MF -> ownerAndName(r, DnsRecords.MF);
            case DnsTypes.MB -> ownerAndName(r, DnsRecords.MB);
            case DnsTypes.MG -> ownerAndName(r, DnsRecords.MG);
            case DnsTypes.MR -> ownerAndName(r, DnsRecords.MR);
            case DnsTypes.NULL -> {
                owner(r);
                r.item.add(DnsRecords.NULL, r.tvb(), r.data, r.len);
            }
            case DnsTypes.MINFO -> {
                owner(r);
                twoNames(r, r.data, DnsRecords.MINFO_R, DnsRecords.MINFO_E);
            }
            case RP -> {
                owner(r);
                twoNames(r, r.data, RP_MAILBOX, RP_TXT_RR);
            }
            case AFSDB -> {
                owner(r);
                r.item.add(AFSDB_SUBTYPE, r.tvb(), r.data, 2);
                name(r, r.data + 2, AFSDB_HOSTNAME);
            }
            case RT -> {
                owner(r);
                r.item.add(RT_PREFERENCE, r.tvb(), r.data, 2);
                name(r, r.data + 2, RT_HOST);
            }
            case KX -> kx(r);
            case PX -> {
                owner(r);
                r.item.add(PX_PREFERENCE, r.tvb(), r.data, 2);
                int used = name(r, r.data + 2, PX_MAP822);
                name(r, r.data + 2 + used, PX_MAPX400);
            }
            case GPOS -> gpos(r);
            case DHCID_TYPE -> {
                owner(r);
                r.item.add(DHCID, r.tvb(), r.data, r.len);
            }
            case NXT -> nxt(r);
            case SIG -> DnsSecRecords.rrsig(r);
            case CERT -> {
                r.item.add(CERT_TYPE, r.tvb(), r.data, 2);
                r.item.add(CERT_KEY_TAG, r.tvb(), r.data + 2, 2);
                r.item.add(CERT_ALGORITHM, r.tvb(), r.data + 4, 1);
                r.item.add(CERT_CERTIFICATE, r.tvb(), r.data + 5, r.len - 5);
            }
            case ZONEMD -> {
                r.item.add(ZONEMD_SERIAL, r.tvb(), r.data, 4);
                r.item.add(ZONEMD_SCHEME, r.tvb(), r.data + 4, 1);
                r.item.add(ZONEMD_HASH, r.tvb(), r.data + 5, 1);
                r.item.add(ZONEMD_DIGEST, r.tvb(), r.data + 6, r.len - 6);
            }
            case OPENPGPKEY_TYPE -> DnsRecords.asciiItem(r.item, OPENPGPKEY, r.tvb(), r.data, r.len);
            case EUI48_TYPE -> r.item.add(EUI48, r.tvb(), r.data, 6);
            case EUI64_TYPE -> r.item.add(EUI64, r.tvb(), r.data, 8);
            case NID_TYPE -> preferenceAnd(r, NID_PREFERENCE, NID, 8);
            case L32_TYPE -> preferenceAnd(r, L32_PREFERENCE, L32, 4);
            case L64_TYPE -> preferenceAnd(r, L64_PREFERENCE, L64, 8);
            case LP_TYPE -> {
                r.item.add(LP_PREFERENCE, r.tvb(), r.data, 2);
                name(r, r.data + 2, LP);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** tshark puts the record's owner name in Info for these types. */
    private static void owner(DnsRecords.Rr r) {
        if (r.msg.info) {
            r.info(" " + r.owner);
        }
    }

    private static void ownerAndName(DnsRecords.Rr r, FieldDef field) {
        owner(r);
        name(r, r.data, field);
    }

    /** Adds the name at {@code off}; returns the bytes it takes. */
    private static int name(DnsRecords.Rr r, int off, FieldDef field) {
        DnsNameReader n = r.msg.name(off);
        r.item.addString(field, r.tvb(), off, n.used, n.name);
        return n.used;
    }

    private static void twoNames(DnsRecords.Rr r, int off, FieldDef first, FieldDef second) {
        int used = name(r, off, first);
        name(r, off + used, second);
    }

    private static void kx(DnsRecords.Rr r) {
        Tvb tvb = r.tvb();
        int pref = tvb.u16(r.data);
        DnsNameReader n = r.msg.name(r.data + 2);
        String kx = n.name;
        if (r.textual()) {
            r.info(" " + pref + " " + kx);
            r.label(", preference " + pref + ", kx " + kx);
        }
        r.item.add(KX_PREFERENCE, tvb, r.data, 2);
        r.item.addString(KX_EXCHANGE, tvb, r.data + 2, n.used, kx);
    }

    private static void gpos(DnsRecords.Rr r) {
        owner(r);
        Tvb tvb = r.tvb();
        int off = r.data;
        FieldDef[][] parts = {{GPOS_LONGITUDE_LENGTH, GPOS_LONGITUDE}, {GPOS_LATITUDE_LENGTH, GPOS_LATITUDE},
            {GPOS_ALTITUDE_LENGTH, GPOS_ALTITUDE}};
        for (FieldDef[] p : parts) {
            int len = tvb.u8(off);
            r.item.add(p[0], tvb, off, 1);
            DnsRecords.asciiItem(r.item, p[1], tvb, off + 1, len);
            off += 1 + len;
        }
    }

    private static void nxt(DnsRecords.Rr r) {
        DnsNameReader n = r.msg.name(r.data);
        String next = n.name;
        if (r.textual()) {
            r.info(" " + next);
            r.label(", next domain name " + next);
        }
        r.item.addString(NXT_NEXT, r.tvb(), r.data, n.used, next);
        DnsSecRecords.plainBitmap(r, r.data + n.used, r.data + r.len);
    }

    private static void preferenceAnd(DnsRecords.Rr r, FieldDef pref, FieldDef value, int len) {
        r.item.add(pref, r.tvb(), r.data, 2);
        r.item.add(value, r.tvb(), r.data + 2, len);
    }
}
