package dev.dorsal.dissectors.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Builds the JA3 (client) and JA3S (server) fingerprint strings of a hello and their MD5 digests, as
 * tshark 4.0.17 shows them ({@code tls.handshake.ja3_full}, {@code ja3}, {@code ja3s_full}, {@code ja3s}).
 *
 * <pre>{@code
 * JA3  = version,ciphers,extensions,groups,point_formats   771,4866-4865,0-11-10,29-23,0
 * JA3S = version,cipher,extensions                         771,4866,43-51
 * }</pre>
 * Numbers are decimal, lists are joined with '-' in wire order, GREASE values are left out, and the
 * version is the hello's legacy version (not supported_versions).
 */
final class Ja3 {
    private Ja3() {}

    /** The JA3 string of a ClientHello. */
    static String client(TlsHelloFacts h) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(h.legacyVersion).append(',');
        join(sb, h.ciphers);
        sb.append(',');
        join(sb, h.extensions);
        sb.append(',');
        join(sb, h.groups);
        sb.append(',');
        join(sb, h.pointFormats);
        return sb.toString();
    }

    /** The JA3S string of a ServerHello. */
    static String server(TlsHelloFacts h, int cipher) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(h.legacyVersion).append(',').append(cipher).append(',');
        join(sb, h.extensions);
        return sb.toString();
    }

    private static void join(StringBuilder sb, TlsHelloFacts.Ints values) {
        boolean first = true;
        for (int i = 0; i < values.size(); i++) {
            int v = values.get(i);
            if (TlsHelloFacts.grease(v)) {
                continue;
            }
            if (!first) {
                sb.append('-');
            }
            sb.append(v);
            first = false;
        }
    }

    /** Lower-case hex MD5 of {@code s} (UTF-8). */
    static String md5(String s) {
        try {
            return hex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
        }
    }

    static String hex(byte[] b) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = digits[(b[i] >> 4) & 15];
            out[2 * i + 1] = digits[b[i] & 15];
        }
        return new String(out);
    }
}
