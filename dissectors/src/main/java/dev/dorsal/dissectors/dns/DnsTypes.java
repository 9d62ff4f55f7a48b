package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.ValueString;
import java.util.HashMap;
import java.util.Map;

/**
 * DNS RR type numbers and their two names: the short one used in Info and subtree labels
 * ({@code AAAA}) and the description used by the Type fields ({@code AAAA (IPv6 Address)}).
 */
final class DnsTypes {
    static final int A = 1;
    static final int NS = 2;
    static final int MD = 3;
    static final int MF = 4;
    static final int CNAME = 5;
    static final int SOA = 6;
    static final int MB = 7;
    static final int MG = 8;
    static final int MR = 9;
    static final int NULL = 10;
    static final int WKS = 11;
    static final int PTR = 12;
    static final int HINFO = 13;
    static final int MINFO = 14;
    static final int MX = 15;
    static final int TXT = 16;
    static final int AAAA = 28;
    static final int SRV = 33;
    static final int NAPTR = 35;
    static final int DNAME = 39;
    static final int OPT = 41;
    static final int DS = 43;
    static final int SSHFP = 44;
    static final int RRSIG = 46;
    static final int NSEC = 47;
    static final int DNSKEY = 48;
    static final int NSEC3 = 50;
    static final int NSEC3PARAM = 51;
    static final int TLSA = 52;
    static final int CDS = 59;
    static final int CDNSKEY = 60;
    static final int SVCB = 64;
    static final int HTTPS = 65;
    static final int SPF = 99;
    static final int CAA = 257;

    /** Type number, short name, description: as tshark 4.0.17 names them. */
    private static final Object[] TABLE = {
            0, "Unused", "Unused",
            1, "A", "A (Host Address)",
            2, "NS", "NS (authoritative Name Server)",
            3, "MD", "MD (Mail Destination)",
            4, "MF", "MF (Mail Forwarder)",
            5, "CNAME", "CNAME (Canonical NAME for an alias)",
            6, "SOA", "SOA (Start Of a zone of Authority)",
            7, "MB", "MB (MailBox domain name)",
            8, "MG", "MG (Mail Group member)",
            9, "MR", "MR (Mail Rename domain)",
            10, "NULL", "NULL RR",
            11, "WKS", "WKS (Well Known Service)",
            12, "PTR", "PTR (domain name PoinTeR)",
            13, "HINFO", "HINFO (host information)",
            14, "MINFO", "MINFO (Mailbox or mail list information)",
            15, "MX", "MX (Mail eXchange)",
            16, "TXT", "TXT (Text strings)",
            17, "RP", "RP (Responsible Person)",
            18, "AFSDB", "AFSDB (AFS Data Base location)",
            19, "X25", "X25 (XX.25 PSDN address)",
            20, "ISDN", "ISDN (ISDN address)",
            21, "RT", "RT (Route Through)",
            22, "NSAP", "NSAP (NSAP address)",
            23, "NSAP-PTR", "NSAP-PTR (NSAP domain name pointer)",
            24, "SIG", "SIG (security signature)",
            25, "KEY", "KEY (security key)",
            26, "PX", "PX (X.400 mail mapping information)",
            27, "GPOS", "GPOS (Geographical Position)",
            28, "AAAA", "AAAA (IPv6 Address)",
            29, "LOC", "LOC (Location Information)",
            30, "NXT", "NXT (Next Domain)",
            31, "EID", "EID (Endpoint Identifier)",
            32, "NIMLOC", "NIMLOC (Nimrod Locator)",
            33, "SRV", "SRV (Server Selection)",
            34, "ATMA", "ATMA (ATM Address)",
            35, "NAPTR", "NAPTR (Naming Authority Pointer)",
            36, "KX", "KX (Key Exchanger)",
            37, "CERT", "CERT",
            38, "A6", "A6 (OBSOLETE - use AAAA)",
            39, "DNAME", "DNAME",
            40, "SINK", "SINK",
            41, "OPT", "OPT",
            42, "APL", "APL",
            43, "DS", "DS (Delegation Signer)",
            44, "SSHFP", "SSHFP (SSH Key Fingerprint)",
            45, "IPSECKEY", "IPSECKEY",
            46, "RRSIG", "RRSIG (Resource Record Signature)",
            47, "NSEC", "NSEC (Next Secure)",
            48, "DNSKEY", "DNSKEY (DNS Public Key)",
            49, "DHCID", "DHCID",
            50, "NSEC3", "NSEC3",
            51, "NSEC3PARAM", "NSEC3PARAM",
            52, "TLSA", "TLSA",
            55, "HIP", "HIP (Host Identity Protocol)",
            57, "RKEY", "RKEY",
            58, "TALINK", "TALINK (Trust Anchor LINK)",
            59, "CDS", "CDS (Child DS)",
            60, "CDNSKEY", "CDNSKEY (DNSKEY(s) the Child wants reflected in DS)",
            61, "OPENPGPKEY", "OPENPGPKEY (OpenPGP Key)",
            62, "CSYNC", "CSYNC (Child-to-Parent Synchronization)",
            63, "ZONEMD", "ZONEMD",
            64, "SVCB", "SVCB (General Purpose Service Endpoints)",
            65, "HTTPS", "HTTPS (HTTPS Specific Service Endpoints)",
            99, "SPF", "SPF",
            100, "UINFO", "UINFO",
            101, "UID", "UID",
            102, "GID", "GID",
            103, "UNSPEC", "UNSPEC",
            104, "NID", "NID (NodeID)",
            105, "L32", "L32 (Locator32)",
            106, "L64", "L64 (Locator64)",
            107, "LP", "LP (Locator FQDN)",
            108, "EUI48", "EUI48",
            109, "EUI64", "EUI64",
            249, "TKEY", "TKEY (Transaction Key)",
            250, "TSIG", "TSIG (Transaction Signature)",
            251, "IXFR", "IXFR (incremental transfer)",
            252, "AXFR", "AXFR (transfer of an entire zone)",
            253, "MAILA", "MAILB (mailbox-related RRs)",
            254, "MAILB", "MAILA (mail agent RRs)",
            255, "ANY", "* (A request for all records the server/cache has available)",
            256, "URI", "URI",
            257, "CAA", "CAA (Certification Authority Restriction)",
            32768, "TA", "TA (DNSSEC Trust Authorities)",
            32769, "DLV", "DLV (DNSSEC Lookaside Validation)",
            65281, "WINS", "WINS",
            65282, "WINS-R", "WINS-R",
            65422, "XPF", "XPF",
    };

    private static final Map<Integer, String> SHORT = new HashMap<>();
    /** The descriptions, for the Type fields. */
    static final ValueString DESCRIPTIONS;

    static {
        ValueString.Builder b = ValueString.builder();
        for (int i = 0; i < TABLE.length; i += 3) {
            int t = (Integer) TABLE[i];
            SHORT.put(t, (String) TABLE[i + 1]);
            b.add(t, (String) TABLE[i + 2]);
        }
        DESCRIPTIONS = b.build();
    }

    private DnsTypes() {}

    /** The short name, or {@code Unknown (N)}. */
    static String shortName(int type) {
        String s = SHORT.get(type);
        return s != null ? s : "Unknown (" + type + ")";
    }

    /** The description without the number, or {@code Unknown (N)}. */
    static String description(int type) {
        String s = DESCRIPTIONS.name(type);
        return s != null ? s : "Unknown (" + type + ")";
    }
}
