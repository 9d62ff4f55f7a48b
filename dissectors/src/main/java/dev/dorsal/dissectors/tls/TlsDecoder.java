package dev.dorsal.dissectors.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the records one side of a TLS connection sends, under one set of keys: the read state of
 * RFC 5246 section 6.1 (keys, IV, MAC key, and the implicit sequence number) or of RFC 8446 section 5.
 *
 * <ul>
 *   <li>AEAD (GCM, CCM, ChaCha20-Poly1305): TLS 1.2 nonce = salt + explicit 8 bytes (GCM, CCM) or
 *       IV XOR sequence (ChaCha20), additional data = sequence, type, version, plaintext length;
 *       TLS 1.3 nonce = IV XOR sequence, additional data = the record header.</li>
 *   <li>CBC: TLS 1.1+ carries the IV in the record, TLS 1.0 chains it; padding, then the HMAC over
 *       sequence, type, version, length and content (with encrypt-then-MAC, RFC 7366: the HMAC over
 *       the ciphertext, checked first).</li>
 *   <li>Stream (RC4) and NULL: content then HMAC.</li>
 * </ul>
 *
 * A record whose tag or MAC does not verify is not returned (unless told to ignore it), as tshark
 * with {@code tls.ignore_ssl_mac_failed: FALSE}.
 */
final class TlsDecoder {
    private final TlsCipherSpec spec;
    private final boolean tls13;
    private final byte[] key;
    /** The fixed IV/salt, or for TLS 1.0 CBC the running IV (the last ciphertext block). */
    private byte[] iv;
    private final byte[] macKey;
    private final boolean encryptThenMac;
    /** TLS 1.3 traffic secret these keys come from (for KeyUpdate), null before. */
    private final byte[] trafficSecret;
    /** Records this decoder opened (the implicit sequence number). */
    private long seq;
    /** RC4's own cipher: its keystream runs on from record to record. */
    private Cipher cipher;
    private SecretKeySpec macSpec;

    private TlsDecoder(TlsCipherSpec spec, boolean tls13, byte[] key, byte[] iv, byte[] macKey, boolean encryptThenMac,
            byte[] trafficSecret) {
        this.spec = spec;
        this.tls13 = tls13;
        this.key = key;
        this.iv = iv;
        this.macKey = macKey;
        this.encryptThenMac = encryptThenMac;
        this.trafficSecret = trafficSecret;
    }

    /** A TLS 1.0 to 1.2 decoder from its part of the key block. */
    static TlsDecoder tls12(TlsCipherSpec spec, byte[] macKey, byte[] key, byte[] iv, boolean encryptThenMac) {
        return new TlsDecoder(spec, false, key, iv, macKey, encryptThenMac, null);
    }

    /** A TLS 1.3 decoder for a traffic secret: key and IV by HKDF-Expand-Label. */
    static TlsDecoder tls13(TlsCipherSpec spec, byte[] secret) throws GeneralSecurityException {
        byte[] key = TlsHkdf.expandLabel(spec.hash(), secret, "key", spec.keyLength());
        byte[] iv = TlsHkdf.expandLabel(spec.hash(), secret, "iv", 12);
        return new TlsDecoder(spec, true, key, iv, null, false, secret);
    }

    /** The decoder after a TLS 1.3 KeyUpdate: the next traffic secret, "traffic upd" (RFC 8446, 7.2). */
    TlsDecoder updated() throws GeneralSecurityException {
        int hashLength = spec.hash().equals("SHA-384") ? 48 : 32;
        return tls13(spec, TlsHkdf.expandLabel(spec.hash(), trafficSecret, "traffic upd", hashLength));
    }

    /**
     * Opens one record; returns the plaintext (for TLS 1.3 the inner plaintext, content type and
     * padding included) or null when it does not decrypt or verify.
     *
     * @param type the record's content type
     * @param version the record's version field
     * @param data the record body
     */
    byte[] decrypt(int type, int version, byte[] data, boolean ignoreMac) {
        try {
            return switch (spec.mode()) {
                case GCM, CCM, CHACHA20_POLY1305 -> aead(type, version, data, ignoreMac);
                case CBC -> cbc(type, version, data, ignoreMac);
                case STREAM, NULL -> stream(type, version, data, ignoreMac);
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private byte[] aead(int type, int version, byte[] data, boolean ignoreMac) throws GeneralSecurityException {
        int tag = spec.tagLength();
        boolean explicitNonce = !tls13 && spec.mode() != TlsCipherSpec.Mode.CHACHA20_POLY1305;
        int start = explicitNonce ? 8 : 0;
        int cipherLength = data.length - start;
        if (cipherLength < tag) {
            return null;
        }
        byte[] nonce;
        if (explicitNonce) {
            nonce = new byte[12];
            System.arraycopy(iv, 0, nonce, 0, 4);
            System.arraycopy(data, 0, nonce, 4, 8);
        } else {
            nonce = iv.clone();
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] ^= (byte) (seq >>> (56 - 8 * i));
            }
        }
        byte[] aad;
        if (tls13) {
            aad = new byte[] {(byte) type, (byte) (version >> 8), (byte) version, (byte) (data.length >> 8),
                (byte) data.length};
        } else {
            aad = pseudoHeader(type, version, cipherLength - tag);
        }
        byte[] plain;
        if (spec.mode() == TlsCipherSpec.Mode.CCM) {
            plain = TlsCcm.open(key, nonce, aad, data, start, cipherLength, tag, ignoreMac);
        } else {
            plain = openJce(nonce, aad, data, start, cipherLength, ignoreMac);
        }
        if (plain != null) {
            seq++; // only after a verified record, so undecryptable early data does not shift the count
        }
        return plain;
    }

    private byte[] openJce(byte[] nonce, byte[] aad, byte[] data, int start, int length, boolean ignoreMac)
            throws GeneralSecurityException {
        boolean gcm = spec.mode() == TlsCipherSpec.Mode.GCM;
        Cipher cipher = TlsJce.cipher(gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305");
        SecretKeySpec k = new SecretKeySpec(key, gcm ? "AES" : "ChaCha20");
        cipher.init(Cipher.DECRYPT_MODE, k, gcm ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        try {
            return cipher.doFinal(data, start, length);
        } catch (javax.crypto.AEADBadTagException e) {
            return ignoreMac ? unverified(nonce, data, start, length - spec.tagLength()) : null;
        }
    }

    /** The plaintext of an AEAD record whose tag failed: the keystream alone, for tls.ignore_ssl_mac_failed. */
    private byte[] unverified(byte[] nonce, byte[] data, int start, int length) throws GeneralSecurityException {
        boolean gcm = spec.mode() == TlsCipherSpec.Mode.GCM;
        Cipher c;
        if (gcm) {
            byte[] counter = new byte[16];
            System.arraycopy(nonce, 0, counter, 0, 12);
            counter[15] = 2; // GCM encrypts data from counter 2 on
            c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
        } else {
            c = Cipher.getInstance("ChaCha20");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 1));
        }
        return c.doFinal(data, start, length);
    }

    private byte[] cbc(int type, int version, byte[] data, boolean ignoreMac) throws GeneralSecurityException {
        int block = spec.blockSize();
        int macLength = spec.macLength();
        byte[] body = data;
        boolean macOk = true;
        if (encryptThenMac) {
            if (data.length < macLength) {
                return null;
            }
            body = java.util.Arrays.copyOf(data, data.length - macLength);
            byte[] expected = hmac(type, version, body, 0, body.length);
            macOk = MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(data, body.length, data.length));
            if (!macOk && !ignoreMac) {
                seq++;
                return null;
            }
        }
        boolean explicitIv = version >= TlsSession.TLS11;
        int start = explicitIv ? block : 0;
        if (body.length < start + block || (body.length - start) % block != 0) {
            return null;
        }
        byte[] recordIv = explicitIv ? java.util.Arrays.copyOf(body, block) : iv;
        Cipher cipher = TlsJce.cipher(spec.cipher() + "/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, spec.cipher()), new IvParameterSpec(recordIv));
        byte[] plain = cipher.doFinal(body, start, body.length - start);
        if (!explicitIv) {
            iv = java.util.Arrays.copyOfRange(body, body.length - block, body.length);
        }
        int pad = plain[plain.length - 1] & 0xff;
        int length = plain.length - pad - 1;
        if (!encryptThenMac) {
            length -= macLength;
        }
        if (length < 0) {
            seq++;
            return null;
        }
        if (!encryptThenMac) {
            byte[] expected = hmac(type, version, plain, 0, length);
            macOk = MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(plain, length, length + macLength));
        }
        seq++;
        if (!macOk && !ignoreMac) {
            return null;
        }
        return java.util.Arrays.copyOf(plain, length);
    }

    private byte[] stream(int type, int version, byte[] data, boolean ignoreMac) throws GeneralSecurityException {
        byte[] plain;
        if (spec.mode() == TlsCipherSpec.Mode.NULL) {
            plain = data;
        } else {
            if (cipher == null) {
                // RC4 keeps its keystream from record to record: one cipher for the whole direction.
                cipher = Cipher.getInstance(spec.cipher());
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, spec.cipher()));
            }
            plain = cipher.update(data);
            if (plain == null) {
                plain = new byte[0];
            }
        }
        int length = plain.length - spec.macLength();
        if (length < 0) {
            seq++;
            return null;
        }
        byte[] expected = hmac(type, version, plain, 0, length);
        seq++;
        if (!MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(plain, length, plain.length)) && !ignoreMac) {
            return null;
        }
        return java.util.Arrays.copyOf(plain, length);
    }

    /** HMAC(seq + type + version + length + content), with the current sequence number. */
    private byte[] hmac(int type, int version, byte[] content, int off, int length) throws GeneralSecurityException {
        if (macSpec == null) {
            macSpec = new SecretKeySpec(macKey, spec.mac());
        }
        Mac mac = TlsJce.mac(spec.mac());
        mac.init(macSpec);
        mac.update(pseudoHeader(type, version, length));
        mac.update(content, off, length);
        return mac.doFinal();
    }

    /** seq_num(8) + type(1) + version(2) + length(2): what TLS 1.2 authenticates besides the content. */
    private byte[] pseudoHeader(int type, int version, int length) {
        byte[] h = new byte[13];
        for (int i = 0; i < 8; i++) {
            h[i] = (byte) (seq >>> (56 - 8 * i));
        }
        h[8] = (byte) type;
        h[9] = (byte) (version >> 8);
        h[10] = (byte) version;
        h[11] = (byte) (length >> 8);
        h[12] = (byte) length;
        return h;
    }
}
