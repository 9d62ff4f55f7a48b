package dev.dorsal.dissectors.tls;

/**
 * How the records of one cipher suite are protected, read from the suite's IANA name (the parts after
 * {@code _WITH_}, or after {@code TLS_} for TLS 1.3 suites): the bulk cipher, its key and IV sizes, the
 * record MAC and the PRF/HKDF hash.
 *
 * <pre>
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256  ->  AES-128, GCM (AEAD), PRF SHA-256
 * TLS_RSA_WITH_AES_256_CBC_SHA           ->  AES-256, CBC, HMAC-SHA1, PRF SHA-256 (TLS 1.2)
 * TLS_AES_256_GCM_SHA384                 ->  AES-256, GCM, HKDF SHA-384 (TLS 1.3)
 * </pre>
 *
 * Suites the JDK cannot decrypt (Camellia, ARIA, SEED, IDEA, GOST, SM4, RC2, export ciphers) have no
 * spec: {@link #of} returns null and {@link #unsupportedReason} says why.
 *
 * @param cipher JCA cipher name ("AES", "DESede", "DES", "ARCFOUR", "ChaCha20") or null for NULL
 * @param mode how records use it
 * @param keyLength encryption key bytes
 * @param fixedIvLength IV bytes from the key block (TLS 1.2: 4 for GCM/CCM, 12 for ChaCha20, the
 *     block size for CBC) or, in TLS 1.3, always 12
 * @param blockSize cipher block bytes (CBC), 0 otherwise
 * @param tagLength AEAD tag bytes, 0 for non-AEAD
 * @param mac record MAC ("HmacSHA1"…) for non-AEAD suites, null for AEAD
 * @param macLength MAC bytes
 * @param hash PRF hash of TLS 1.2 and HKDF hash of TLS 1.3: "SHA-256" or "SHA-384"
 */
record TlsCipherSpec(String cipher, Mode mode, int keyLength, int fixedIvLength, int blockSize, int tagLength,
        String mac, int macLength, String hash) {

    /** How a record is protected. */
    enum Mode { NULL, STREAM, CBC, GCM, CCM, CHACHA20_POLY1305 }

    boolean aead() {
        return tagLength > 0;
    }

    /** The HMAC algorithm of the TLS 1.2 PRF. */
    String prfHmac() {
        return hash.equals("SHA-384") ? "HmacSHA384" : "HmacSHA256";
    }

    /** The spec of {@code suite}, or null when it cannot be decrypted here. */
    static TlsCipherSpec of(int suite) {
        String name = TlsCipherSuites.NAMES.name(suite);
        return name == null ? null : parse(name);
    }

    /** Why {@code suite} has no spec (for notes), or null when it has one. */
    static String unsupportedReason(int suite) {
        String name = TlsCipherSuites.NAMES.name(suite);
        if (name == null) {
            return String.format("cipher suite 0x%04x is unknown", suite);
        }
        return parse(name) == null ? "cipher suite " + name + " cannot be decrypted (cipher not supported)" : null;
    }

    static TlsCipherSpec parse(String name) {
        if (name.contains("EXPORT") || !name.startsWith("TLS_")) {
            return null;
        }
        int with = name.indexOf("_WITH_");
        String bulk = with >= 0 ? name.substring(with + 6) : name.substring(4);
        if (bulk.startsWith("NULL_")) {
            return stream(null, Mode.NULL, 0, bulk.substring(5));
        }
        if (bulk.startsWith("RC4_128_")) {
            return stream("ARCFOUR", Mode.STREAM, 16, bulk.substring(8));
        }
        if (bulk.startsWith("DES_CBC_")) {
            return cbc("DES", 8, 8, bulk.substring(8));
        }
        if (bulk.startsWith("3DES_EDE_CBC_")) {
            return cbc("DESede", 24, 8, bulk.substring(13));
        }
        for (int bits : new int[] {128, 256}) {
            String aes = "AES_" + bits + "_";
            if (!bulk.startsWith(aes)) {
                continue;
            }
            String rest = bulk.substring(aes.length());
            int key = bits / 8;
            if (rest.startsWith("CBC_")) {
                return cbc("AES", key, 16, rest.substring(4));
            }
            if (rest.startsWith("GCM_")) {
                return aead("AES", Mode.GCM, key, 4, 16, rest.substring(4));
            }
            if (rest.equals("CCM") || rest.startsWith("CCM_")) {
                boolean short8 = rest.startsWith("CCM_8");
                String hash = rest.substring(short8 ? 5 : 3);
                return aead("AES", Mode.CCM, key, 4, short8 ? 8 : 16, hash.isEmpty() ? "SHA256" : hash.substring(1));
            }
        }
        if (bulk.startsWith("CHACHA20_POLY1305_")) {
            return aead("ChaCha20", Mode.CHACHA20_POLY1305, 32, 12, 16, bulk.substring(18));
        }
        return null;
    }

    private static TlsCipherSpec stream(String cipher, Mode mode, int key, String macName) {
        String mac = hmac(macName);
        return mac == null ? null : new TlsCipherSpec(cipher, mode, key, 0, 0, 0, mac, macLength(macName), prfHash(macName));
    }

    private static TlsCipherSpec cbc(String cipher, int key, int block, String macName) {
        String mac = hmac(macName);
        return mac == null ? null
                : new TlsCipherSpec(cipher, Mode.CBC, key, block, block, 0, mac, macLength(macName), prfHash(macName));
    }

    private static TlsCipherSpec aead(String cipher, Mode mode, int key, int fixedIv, int tag, String hashName) {
        if (!hashName.equals("SHA256") && !hashName.equals("SHA384")) {
            return null;
        }
        return new TlsCipherSpec(cipher, mode, key, fixedIv, 0, tag, null, 0, prfHash(hashName));
    }

    private static String hmac(String macName) {
        return switch (macName) {
            case "MD5" -> "HmacMD5";
            case "SHA" -> "HmacSHA1";
            case "SHA256" -> "HmacSHA256";
            case "SHA384" -> "HmacSHA384";
            default -> null;
        };
    }

    private static int macLength(String macName) {
        return switch (macName) {
            case "MD5" -> 16;
            case "SHA" -> 20;
            case "SHA256" -> 32;
            default -> 48;
        };
    }

    /** Suites naming SHA-384 use it for the PRF; every other TLS 1.2 suite uses SHA-256. */
    private static String prfHash(String hashName) {
        return hashName.equals("SHA384") ? "SHA-384" : "SHA-256";
    }
}
