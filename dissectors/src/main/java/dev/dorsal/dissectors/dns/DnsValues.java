package dev.dorsal.dissectors.dns;

import dev.dorsal.engine.spi.ValueString;

/** Value names of DNS header codes, DNSSEC algorithms, EDNS options and SVCB keys, as tshark 4.0.17 shows them. */
final class DnsValues {
    private DnsValues() {}

    static final ValueString OPCODES = ValueString.of(
            0, "Standard query",
            1, "Inverse query",
            2, "Server status request",
            4, "Zone change notification",
            5, "Dynamic update",
            6, "DNS Stateful operations (DSO)");
    static final ValueString RCODES = ValueString.of(
            0, "No error",
            1, "Format error",
            2, "Server failure",
            3, "No such name",
            4, "Not implemented",
            5, "Refused",
            6, "Name exists",
            7, "RRset exists",
            8, "RRset does not exist",
            9, "Not authoritative",
            10, "Name out of zone",
            11, "DSO-Type not implemented",
            16, "Bad OPT Version or TSIG Signature Failure",
            17, "Key not recognized",
            18, "Signature out of time window",
            19, "Bad TKEY Mode",
            20, "Duplicate key name",
            21, "Algorithm not supported",
            22, "Bad Truncation",
            23, "Bad/missing Server Cookie");
    static final ValueString CLASSES = ValueString.of(
            1, "IN",
            2, "CS",
            3, "CH",
            4, "HS",
            254, "NONE",
            255, "ANY");
    static final ValueString ALGORITHMS = ValueString.of(
            1, "RSA/MD5",
            2, "Diffie-Hellman",
            3, "DSA",
            4, "Elliptic curve crypto",
            5, "RSA/SHA1",
            6, "DSA + NSEC3/SHA1",
            7, "RSA/SHA1 + NSEC3/SHA1",
            8, "RSA/SHA-256",
            10, "RSA/SHA-512",
            12, "GOST R 34.10-2001",
            13, "ECDSA Curve P-256 with SHA-256",
            14, "ECDSA Curve P-386 with SHA-386",
            15, "Ed25519",
            16, "Ed448",
            157, "HMAC/MD5",
            252, "Indirect key",
            253, "Private, domain name",
            254, "Private, OID");
    static final ValueString DIGEST_TYPES = ValueString.of(
            0, "Reserved digest",
            1, "SHA-1",
            2, "SHA-256",
            3, "GOST R 34.11-94",
            4, "SHA-384");
    static final ValueString OPT_CODES = ValueString.of(
            0, "Reserved",
            1, "LLQ - Long-lived query",
            2, "UL - Update lease",
            3, "NSID - Name Server Identifier",
            4, "Owner (reserved)",
            5, "DAU - DNSSEC Algorithm Understood (RFC6975)",
            6, "DHU - DS Hash Understood (RFC6975)",
            7, "N3U - NSEC3 Hash Understood (RFC6975)",
            20730, "Experimental - CSUBNET - Client subnet",
            8, "CSUBNET - Client subnet",
            9, "EDNS EXPIRE (RFC7314)",
            10, "COOKIE",
            11, "EDNS TCP Keepalive",
            12, "PADDING",
            13, "CHAIN",
            15, "Extended DNS Error");
    static final ValueString NSEC3_ALGOS = ValueString.of(
            0, "Reserved",
            1, "SHA-1");
    static final ValueString SVC_KEYS = ValueString.of(
            0, "mandatory",
            1, "alpn",
            2, "no-default-alpn",
            3, "port",
            4, "ipv4hint",
            5, "echconfig",
            6, "ipv6hint",
            32769, "odohconfig",
            65535, "key65535");
    static final ValueString SSHFP_ALGOS = ValueString.of(
            0, "Reserved",
            1, "RSA",
            2, "DSA",
            3, "ECDSA",
            4, "Ed25519",
            5, "XMSS");
    static final ValueString SSHFP_TYPES = ValueString.of(
            0, "Reserved",
            1, "SHA1",
            2, "SHA256");
    static final ValueString TLSA_USAGES = ValueString.of(
            0, "CA constraint (PKIX-TA)",
            1, "Service certificate constraint (PKIX-EE)",
            2, "Trust anchor assertion (DANE-TA)",
            3, "Domain-issued certificate (DANE-EE)");
    static final ValueString TLSA_SELECTORS = ValueString.of(
            0, "Full certificate (Cert)",
            1, "SubjectPublicKeyInfo (SPKI)");
    static final ValueString TLSA_MATCHING = ValueString.of(
            0, "No Hash Used (Full)",
            1, "256 bit hash by SHA2 (SHA2-256)",
            2, "512 bit hash by SHA2 (SHA2-512)");
    static final ValueString CLIENT_FAMILIES = ValueString.of(
            1, "IPv4",
            2, "IPv6");
    static final ValueString DHU = ValueString.of(
            0, "Reserved digest",
            1, "SHA-1",
            2, "SHA-256",
            3, "GOST R 34.11-94",
            4, "SHA-384");
    static final ValueString N3U = ValueString.of(
            0, "Reserved",
            1, "SHA-1");
    static final ValueString EXT_ERRORS = ValueString.builder()
            .add(0, "Other Error")
            .add(1, "Unsupported DNSKEY Algorithm")
            .add(2, "Unsupported DS Digest Type")
            .add(3, "Stale Answer")
            .add(4, "Forged Answer")
            .add(5, "DNSSEC Indeterminate")
            .add(6, "DNSSEC Bogus")
            .add(7, "Signature Expired")
            .add(8, "Signature Not Yet Valid")
            .add(9, "DNSKEY Missing")
            .add(10, "RRSIGs Missing")
            .add(11, "No Zone Key Bit Set")
            .add(12, "NSEC Missing")
            .add(13, "Cached Error")
            .add(14, "Not Ready")
            .add(15, "Blocked")
            .add(16, "Censored")
            .add(17, "Filtered")
            .add(18, "Prohibited")
            .add(19, "Stale NXDomain Answer")
            .add(20, "Not Authoritative")
            .add(21, "Not Supported")
            .add(22, "No Reachable Authority")
            .add(23, "Network Error")
            .add(24, "Invalid Data")
            .add(25, "Signature Expired before Valid")
            .add(26, "Too Early")
            .add(27, "Unsupported NSEC3 Iterations Value")
            .add(28, "Unable to conform to policy")
            .add(29, "Synthesized")
            .range(30, 49151, "Unassigned")
            .range(49152, 65535, "Reserved for Private Use")
            .build();

    /** The class name in subtree labels: the mnemonic, or {@code Unknown}. */
    static String className(int dnsClass) {
        String s = CLASSES.name(dnsClass);
        return s != null ? s : "Unknown";
    }
}
