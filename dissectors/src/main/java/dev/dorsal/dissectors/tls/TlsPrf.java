package dev.dorsal.dissectors.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudorandom function of TLS 1.0 to 1.2, which turns a master secret into key material.
 * TLS 1.2 (RFC 5246, section 5) uses {@code P_<hash>} with the cipher suite's PRF hash (SHA-256 unless
 * the suite says SHA-384); TLS 1.0 and 1.1 (RFC 2246, section 5) XOR {@code P_MD5} over the first half
 * of the secret with {@code P_SHA1} over the second.
 *
 * <pre>
 * P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...
 * A(0) = seed, A(i) = HMAC(secret, A(i-1))
 * </pre>
 */
final class TlsPrf {
    private TlsPrf() {}

    /**
     * {@code length} bytes of {@code PRF(secret, label, seed)}.
     *
     * @param prfHash the TLS 1.2 PRF's HMAC ("HmacSHA256", "HmacSHA384"), or null for the TLS 1.0/1.1 PRF
     */
    static byte[] prf(String prfHash, byte[] secret, String label, byte[] seed, int length)
            throws GeneralSecurityException {
        byte[] labelSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        if (prfHash != null) {
            return pHash(prfHash, secret, labelSeed, length);
        }
        int half = (secret.length + 1) / 2;
        byte[] s1 = java.util.Arrays.copyOfRange(secret, 0, half);
        byte[] s2 = java.util.Arrays.copyOfRange(secret, secret.length - half, secret.length);
        byte[] md5 = pHash("HmacMD5", s1, labelSeed, length);
        byte[] sha1 = pHash("HmacSHA1", s2, labelSeed, length);
        for (int i = 0; i < length; i++) {
            md5[i] ^= sha1[i];
        }
        return md5;
    }

    private static byte[] pHash(String hmac, byte[] secret, byte[] seed, int length) throws GeneralSecurityException {
        Mac mac = TlsJce.mac(hmac);
        mac.init(new SecretKeySpec(secret, hmac));
        byte[] out = new byte[length];
        byte[] a = seed;
        int done = 0;
        while (done < length) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
