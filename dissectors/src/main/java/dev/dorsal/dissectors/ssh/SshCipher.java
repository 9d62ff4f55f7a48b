package dev.dorsal.dissectors.ssh;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The decryption tshark 4.0.17 sets up at a side's NEWKEYS when the negotiated cipher is one it can
 * decrypt. Without an SSH key log (which Dorsal does not read) tshark's keys, IVs and MAC keys are
 * all zero, so it "decrypts" real traffic into noise: ChaCha20 lengths come out unreasonable and the
 * packet shows nothing, AES-GCM (length in clear) shows garbage messages with a bad MAC. This class
 * reproduces that arithmetic exactly, so the garbage matches tshark's byte for byte.
 *
 * <p>State follows libgcrypt handles: CBC chains and CTR counts across the side's records, GCM's
 * IV counts records; ChaCha20 keys each record by its sequence number.
 */
final class SshCipher {
    /** What tshark can decrypt: the cipher names it recognises. */
    enum Kind {
        CHACHA20, AES128_GCM, AES256_GCM, AES128_CBC, AES192_CBC, AES256_CBC, AES128_CTR, AES192_CTR, AES256_CTR;

        static Kind of(String name) {
            if (name == null) {
                return null;
            }
            return switch (name) {
                case "chacha20-poly1305@openssh.com" -> CHACHA20;
                case "aes128-gcm@openssh.com", "aes128-gcm" -> AES128_GCM;
                case "aes256-gcm@openssh.com", "aes256-gcm" -> AES256_GCM;
                case "aes128-cbc" -> AES128_CBC;
                case "aes192-cbc" -> AES192_CBC;
                case "aes256-cbc" -> AES256_CBC;
                case "aes128-ctr" -> AES128_CTR;
                case "aes192-ctr" -> AES192_CTR;
                case "aes256-ctr" -> AES256_CTR;
                default -> null;
            };
        }

        int keyLength() {
            return switch (this) {
                case AES128_GCM, AES128_CBC, AES128_CTR -> 16;
                case AES192_CBC, AES192_CTR -> 24;
                default -> 32;
            };
        }

        boolean gcm() {
            return this == AES128_GCM || this == AES256_GCM;
        }

        boolean blockChained() {
            return this != CHACHA20 && !gcm();
        }
    }

    final Kind kind;
    private final Cipher stream;
    private final byte[] gcmIv = new byte[12];

    SshCipher(Kind kind) {
        this.kind = kind;
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[kind.keyLength()], "AES");
            stream = switch (kind) {
                case AES128_CBC, AES192_CBC, AES256_CBC -> {
                    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
                    c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[16]));
                    yield c;
                }
                case AES128_CTR, AES192_CTR, AES256_CTR -> {
                    Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
                    c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(new byte[16]));
                    yield c;
                }
                default -> null;
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** Decrypts one 16-byte block of a CBC or CTR stream, advancing its state. */
    byte[] block(byte[] in, int off) {
        return stream.update(in, off, 16);
    }

    /** ChaCha20 as OpenSSH uses it: 64-bit nonce = sequence number, block counter 0 (length) or 1 (payload). */
    static byte[] chacha(int seq, int counter, byte[] in, int off, int len) {
        try {
            byte[] nonce = new byte[12];
            long s = Integer.toUnsignedLong(seq);
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] = (byte) (s >>> (56 - 8 * i));
            }
            Cipher c = Cipher.getInstance("ChaCha20");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(new byte[32], "ChaCha20"),
                    new ChaCha20ParameterSpec(nonce, counter));
            return c.update(in, off, len);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20 is part of every JDK", e);
        }
    }

    /** The Poly1305 tag of {@code data} under the one-time key ChaCha20 gives for {@code seq}. */
    static byte[] poly1305(int seq, byte[] data) {
        byte[] key = chacha(seq, 0, new byte[32], 0, 32);
        BigInteger p = BigInteger.ONE.shiftLeft(130).subtract(BigInteger.valueOf(5));
        byte[] rb = Arrays.copyOf(key, 16);
        rb[3] &= 15;
        rb[7] &= 15;
        rb[11] &= 15;
        rb[15] &= 15;
        rb[4] &= (byte) 252;
        rb[8] &= (byte) 252;
        rb[12] &= (byte) 252;
        BigInteger r = le(rb, 0, 16);
        BigInteger s = le(key, 16, 16);
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < data.length; i += 16) {
            int n = Math.min(16, data.length - i);
            byte[] block = Arrays.copyOf(Arrays.copyOfRange(data, i, i + n), n + 1);
            block[n] = 1;
            acc = acc.add(le(block, 0, n + 1)).multiply(r).mod(p);
        }
        acc = acc.add(s);
        byte[] tag = new byte[16];
        byte[] big = acc.toByteArray();
        for (int i = 0; i < 16 && i < big.length; i++) {
            tag[i] = big[big.length - 1 - i];
        }
        return tag;
    }

    private static BigInteger le(byte[] b, int off, int len) {
        byte[] be = new byte[len + 1];
        for (int i = 0; i < len; i++) {
            be[len - i] = b[off + i];
        }
        return new BigInteger(be);
    }

    /**
     * AES-GCM decryption of {@code len} bytes of {@code in} at {@code off} with the current IV (then
     * counted on), {@code aad} (the length word) authenticated; the tag is not checked. Returns the
     * plaintext followed by the 16-byte tag GCM computes over what was decrypted.
     */
    byte[] gcm(byte[] aad, byte[] in, int off, int len) {
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[kind.keyLength()], "AES");
            // GCM's keystream starts at counter 2 of the IV (counter 1 masks the tag).
            byte[] ctr = Arrays.copyOf(gcmIv, 16);
            ctr[15] = 2;
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(ctr));
            byte[] plain = c.doFinal(in, off, len);
            // Sealing the plaintext again gives back the same ciphertext, and the tag over it.
            Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
            seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, gcmIv.clone()));
            seal.updateAAD(aad);
            byte[] sealed = seal.doFinal(plain);
            byte[] out = Arrays.copyOf(plain, len + 16);
            System.arraycopy(sealed, len, out, len, 16);
            countIv();
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** tshark counts the IV on in its last 8 bytes, carrying no further than byte 4 (RFC 5647's counter). */
    private void countIv() {
        int i = 12;
        do {
            i--;
            gcmIv[i]++;
        } while (i > 4 && gcmIv[i] == 0);
    }

    /** HMAC-SHA-256 with tshark's all-zero 32-byte key over the sequence number and packet. */
    static byte[] hmacSha256(int seq, byte[] packet) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            m.update(new byte[] {(byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq});
            return m.doFinal(packet);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
