package dev.dorsal.dissectors.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Computes the JA4 TLS client fingerprint and its raw form JA4_r of a ClientHello, by the FoxIO
 * specification (https://github.com/FoxIO-LLC/ja4, technical_details/JA4.md).
 *
 * <pre>{@code
 * JA4   = a_b_c       t13d1516h2_8daaf6152771_02713d6af862
 * a     = t + version + (d|i) + ciphers(2) + extensions(2) + alpn(2)
 * b     = sha256(sorted ciphers, "%04x" comma-joined)[0..12]
 * c     = sha256(sorted extensions without SNI/ALPN + "_" + signature algorithms in wire order)[0..12]
 * JA4_r = a_ciphers_extensions_sigalgs   (the lists hashed in b and c)
 * }</pre>
 * GREASE values are ignored everywhere; counts stop at 99; an empty list hashes to "000000000000".
 */
final class Ja4 {
    private Ja4() {}

    private static final String EMPTY = "000000000000";

    /** The JA4 fingerprint of a ClientHello received over TCP. */
    static String fingerprint(TlsHelloFacts h) {
        String ciphers = sortedHex(h.ciphers, false);
        String extensions = sortedHex(h.extensions, true);
        String sigs = wireHex(h.signatureAlgorithms);
        String b = ciphers.isEmpty() ? EMPTY : sha256Prefix(ciphers);
        String c = extensions.isEmpty() ? EMPTY : sha256Prefix(sigs.isEmpty() ? extensions : extensions + "_" + sigs);
        return prefix(h) + "_" + b + "_" + c;
    }

    /** JA4_r: the JA4 prefix followed by the unhashed, sorted lists. */
    static String raw(TlsHelloFacts h) {
        String sigs = wireHex(h.signatureAlgorithms);
        String s = prefix(h) + "_" + sortedHex(h.ciphers, false) + "_" + sortedHex(h.extensions, true);
        return sigs.isEmpty() ? s : s + "_" + sigs;
    }

    /** Part a: protocol, version, SNI flag, cipher and extension counts, ALPN characters. */
    static String prefix(TlsHelloFacts h) {
        int version = h.legacyVersion;
        int best = -1;
        for (int i = 0; i < h.supportedVersions.size(); i++) {
            int v = h.supportedVersions.get(i);
            if (!TlsHelloFacts.grease(v) && v > best) {
                best = v;
            }
        }
        if (best >= 0) {
            version = best;
        }
        StringBuilder sb = new StringBuilder(10);
        sb.append('t').append(versionCode(version)).append(h.hasServerName ? 'd' : 'i');
        two(sb, count(h.ciphers));
        two(sb, count(h.extensions));
        sb.append(alpnChars(h.firstAlpn));
        return sb.toString();
    }

    private static String versionCode(int v) {
        return switch (v) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    /**
     * First and last character of the first ALPN value; "00" without one. A single character is
     * doubled; when either end is not ASCII alphanumeric, the first and last hex digits of the whole
     * value are used instead.
     */
    static String alpnChars(String alpn) {
        if (alpn == null || alpn.isEmpty()) {
            return "00";
        }
        char first = alpn.charAt(0);
        char last = alpn.charAt(alpn.length() - 1);
        if (alnum(first) && alnum(last)) {
            return "" + first + last;
        }
        String hex = Ja3.hex(alpn.getBytes(StandardCharsets.ISO_8859_1));
        return "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
    }

    private static boolean alnum(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private static int count(TlsHelloFacts.Ints values) {
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            if (!TlsHelloFacts.grease(values.get(i))) {
                n++;
            }
        }
        return Math.min(n, 99);
    }

    private static void two(StringBuilder sb, int n) {
        if (n < 10) {
            sb.append('0');
        }
        sb.append(n);
    }

    /** Non-GREASE values as 4-digit hex, sorted, comma-joined; SNI (0) and ALPN (16) dropped if asked. */
    private static String sortedHex(TlsHelloFacts.Ints values, boolean dropSniAlpn) {
        int[] v = Arrays.stream(values.toArray())
                .filter(x -> !TlsHelloFacts.grease(x) && !(dropSniAlpn && (x == 0 || x == 16)))
                .sorted().toArray();
        StringBuilder sb = new StringBuilder(v.length * 5);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format("%04x", v[i]));
        }
        return sb.toString();
    }

    private static String wireHex(TlsHelloFacts.Ints values) {
        StringBuilder sb = new StringBuilder(values.size() * 5);
        for (int i = 0; i < values.size(); i++) {
            int x = values.get(i);
            if (TlsHelloFacts.grease(x)) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(String.format("%04x", x));
        }
        return sb.toString();
    }

    static String sha256Prefix(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
            return Ja3.hex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
