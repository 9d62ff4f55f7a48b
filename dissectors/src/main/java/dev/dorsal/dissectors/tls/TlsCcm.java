package dev.dorsal.dissectors.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens AES-CCM records (RFC 3610 with TLS's 12-byte nonce, so a 3-byte length field; RFC 6655 and
 * RFC 8446): counter mode for the data, CBC-MAC for the tag. The JDK has no CCM, so it is built here on
 * AES in ECB mode (one block at a time).
 *
 * <pre>
 * B0 = flags | nonce(12) | length(3)     A_i = 2 | nonce(12) | i(3)
 * tag = CBC-MAC(B0, aad blocks, plaintext blocks) XOR E(A_0), cut to 8 or 16 bytes
 * </pre>
 */
final class TlsCcm {
    private static final int BLOCK = 16;

    private TlsCcm() {}

    /**
     * The plaintext of {@code data[off..off+len)} (ciphertext then tag), or null when the tag does not
     * verify and {@code ignoreTag} is false.
     */
    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] data, int off, int len, int tagLength,
            boolean ignoreTag) throws GeneralSecurityException {
        if (len < tagLength || nonce.length != 12) {
            return null;
        }
        Cipher aes = TlsJce.cipher("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        int n = len - tagLength;
        byte[] plain = new byte[n];
        byte[] counter = new byte[BLOCK];
        counter[0] = 2; // L - 1, with L = 3
        System.arraycopy(nonce, 0, counter, 1, 12);
        byte[] stream = new byte[BLOCK];
        for (int i = 0; i < n; i += BLOCK) {
            setCounter(counter, i / BLOCK + 1);
            aes.doFinal(counter, 0, BLOCK, stream, 0);
            for (int j = 0; j < BLOCK && i + j < n; j++) {
                plain[i + j] = (byte) (data[off + i + j] ^ stream[j]);
            }
        }
        byte[] mac = cbcMac(aes, nonce, aad, plain, tagLength);
        setCounter(counter, 0);
        aes.doFinal(counter, 0, BLOCK, stream, 0);
        byte[] tag = new byte[tagLength];
        for (int j = 0; j < tagLength; j++) {
            tag[j] = (byte) (mac[j] ^ stream[j]);
        }
        byte[] sent = java.util.Arrays.copyOfRange(data, off + n, off + len);
        if (!MessageDigest.isEqual(tag, sent) && !ignoreTag) {
            return null;
        }
        return plain;
    }

    private static void setCounter(byte[] counter, int i) {
        counter[13] = (byte) (i >> 16);
        counter[14] = (byte) (i >> 8);
        counter[15] = (byte) i;
    }

    private static byte[] cbcMac(Cipher aes, byte[] nonce, byte[] aad, byte[] plain, int tagLength)
            throws GeneralSecurityException {
        byte[] x = new byte[BLOCK];
        x[0] = (byte) ((aad.length > 0 ? 0x40 : 0) | ((tagLength - 2) / 2) << 3 | 2);
        System.arraycopy(nonce, 0, x, 1, 12);
        x[13] = (byte) (plain.length >> 16);
        x[14] = (byte) (plain.length >> 8);
        x[15] = (byte) plain.length;
        aes.doFinal(x, 0, BLOCK, x, 0);
        if (aad.length > 0) {
            byte[] a = new byte[2 + aad.length];
            a[0] = (byte) (aad.length >> 8);
            a[1] = (byte) aad.length;
            System.arraycopy(aad, 0, a, 2, aad.length);
            absorb(aes, x, a);
        }
        absorb(aes, x, plain);
        return x;
    }

    /** XORs {@code data} into the MAC state block by block (the last block zero-padded), encrypting each time. */
    private static void absorb(Cipher aes, byte[] x, byte[] data) throws GeneralSecurityException {
        for (int i = 0; i < data.length; i += BLOCK) {
            for (int j = 0; j < BLOCK && i + j < data.length; j++) {
                x[j] ^= data[i + j];
            }
            aes.doFinal(x, 0, BLOCK, x, 0);
        }
    }
}
