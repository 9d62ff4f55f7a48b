package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Records sealed here with the JDK's ciphers, as a TLS peer would, are opened by {@link TlsDecoder}:
 * every record protection it supports, in sequence (the implicit sequence number must advance), and a
 * record altered in transit is refused unless MAC failures are to be ignored.
 */
class TlsDecoderTest {
    private static final int APP = 23;
    private static final int TLS10 = 0x0301;
    private static final int TLS12 = 0x0303;
    private static final byte[] KEY16 = bytes(16, 1);
    private static final byte[] KEY32 = bytes(32, 2);
    private static final byte[] MAC20 = bytes(20, 3);
    private static final byte[] MAC32 = bytes(32, 4);
    private static final byte[][] MESSAGES = {text("GET / HTTP/1.1\r\n\r\n"), text("second record"), new byte[0],
        bytes(300, 9)};

    @Test
    void aesGcmTls12() throws Exception {
        TlsCipherSpec spec = TlsCipherSpec.of(0xc02f);
        byte[] salt = bytes(4, 5);
        TlsDecoder d = TlsDecoder.tls12(spec, new byte[0], KEY16, salt, false);
        for (int seq = 0; seq < MESSAGES.length; seq++) {
            byte[] explicit = bytes(8, 40 + seq);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY16, "AES"), new GCMParameterSpec(128, concat(salt, explicit)));
            c.updateAAD(pseudoHeader(seq, APP, TLS12, MESSAGES[seq].length));
            byte[] record = concat(explicit, c.doFinal(MESSAGES[seq]));
            assertArrayEquals(MESSAGES[seq], d.decrypt(APP, TLS12, record, false), "record " + seq);
        }
    }

    @Test
    void chacha20Poly1305Tls12() throws Exception {
        TlsCipherSpec spec = TlsCipherSpec.of(0xcca8);
        byte[] iv = bytes(12, 6);
        TlsDecoder d = TlsDecoder.tls12(spec, new byte[0], KEY32, iv, false);
        for (int seq = 0; seq < MESSAGES.length; seq++) {
            Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY32, "ChaCha20"), new IvParameterSpec(nonce(iv, seq)));
            c.updateAAD(pseudoHeader(seq, APP, TLS12, MESSAGES[seq].length));
            assertArrayEquals(MESSAGES[seq], d.decrypt(APP, TLS12, c.doFinal(MESSAGES[seq]), false), "record " + seq);
        }
    }

    @Test
    void tls13AesGcmAndKeyUpdate() throws Exception {
        TlsCipherSpec suite = TlsCipherSpec.of(0x1302);
        TlsCipherSpec spec = new TlsCipherSpec(suite.cipher(), suite.mode(), suite.keyLength(), 12, 0, 16, null, 0,
                suite.hash());
        byte[] secret = bytes(48, 7);
        TlsDecoder d = TlsDecoder.tls13(spec, secret);
        byte[] inner = concat(MESSAGES[0], new byte[] {APP, 0, 0, 0}); // content, type, padding
        byte[] record = sealTls13(secret, 0, inner);
        assertArrayEquals(inner, d.decrypt(APP, TLS12, record, false));
        assertNull(d.decrypt(APP, TLS12, record, false), "a replayed record fails under the next sequence number");
        byte[] next = TlsHkdf.expandLabel("SHA-384", secret, "traffic upd", 48);
        assertArrayEquals(inner, d.updated().decrypt(APP, TLS12, sealTls13(next, 0, inner), false), "after KeyUpdate");
    }

    @Test
    void aesCbcMacThenEncryptTls12() throws Exception {
        cbc(TlsCipherSpec.of(0x003c), KEY16, MAC32, TLS12, false);
        cbc(TlsCipherSpec.of(0x0035), KEY32, MAC20, TLS12, false);
    }

    @Test
    void aesCbcEncryptThenMac() throws Exception {
        cbc(TlsCipherSpec.of(0x003c), KEY16, MAC32, TLS12, true);
    }

    @Test
    void tls10CbcChainsTheIv() throws Exception {
        cbc(TlsCipherSpec.of(0x002f), KEY16, MAC20, TLS10, false);
        cbc(TlsCipherSpec.of(0x000a), bytes(24, 8), MAC20, TLS10, false);
    }

    @Test
    void rc4KeepsItsKeystreamAcrossRecords() throws Exception {
        TlsCipherSpec spec = TlsCipherSpec.of(0x0004); // RC4_128_MD5
        byte[] macKey = bytes(16, 3);
        TlsDecoder d = TlsDecoder.tls12(spec, macKey, KEY16, new byte[0], false);
        Cipher rc4 = Cipher.getInstance("ARCFOUR");
        rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY16, "ARCFOUR"));
        for (int seq = 0; seq < MESSAGES.length; seq++) {
            byte[] plain = concat(MESSAGES[seq], hmac("HmacMD5", macKey, seq, APP, TLS12, MESSAGES[seq]));
            assertArrayEquals(MESSAGES[seq], d.decrypt(APP, TLS12, rc4.update(plain), false), "record " + seq);
        }
    }

    @Test
    void alteredRecordsAreRefusedUnlessMacFailuresAreIgnored() throws Exception {
        TlsCipherSpec spec = TlsCipherSpec.of(0xc02f);
        byte[] salt = bytes(4, 5);
        byte[] explicit = bytes(8, 40);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY16, "AES"), new GCMParameterSpec(128, concat(salt, explicit)));
        c.updateAAD(pseudoHeader(0, APP, TLS12, MESSAGES[0].length));
        byte[] record = concat(explicit, c.doFinal(MESSAGES[0]));
        record[record.length - 1] ^= 1; // the tag
        assertNull(TlsDecoder.tls12(spec, new byte[0], KEY16, salt, false).decrypt(APP, TLS12, record, false));
        assertArrayEquals(MESSAGES[0], TlsDecoder.tls12(spec, new byte[0], KEY16, salt, false)
                .decrypt(APP, TLS12, record, true));
        byte[] wrongKey = KEY16.clone();
        wrongKey[0] ^= 1;
        record[record.length - 1] ^= 1;
        assertNull(TlsDecoder.tls12(spec, new byte[0], wrongKey, salt, false).decrypt(APP, TLS12, record, false));
        assertNull(TlsDecoder.tls12(spec, new byte[0], KEY16, salt, false).decrypt(APP, TLS12, new byte[5], false),
                "too short for a nonce and a tag");
    }

    /** Seals MESSAGES in order with a CBC suite, as TLS 1.0 (chained IV) or 1.1+ (explicit IV) does. */
    private static void cbc(TlsCipherSpec spec, byte[] key, byte[] macKey, int version, boolean etm) throws Exception {
        int block = spec.blockSize();
        byte[] chainedIv = bytes(block, 11);
        TlsDecoder d = TlsDecoder.tls12(spec, macKey, key, chainedIv, etm);
        for (int seq = 0; seq < MESSAGES.length; seq++) {
            byte[] m = MESSAGES[seq];
            byte[] iv = version == TLS10 ? chainedIv : bytes(block, 60 + seq);
            byte[] content = etm ? m : concat(m, hmac(spec.mac(), macKey, seq, APP, version, m));
            int pad = block - (content.length + 1) % block;
            byte[] padded = Arrays.copyOf(content, content.length + pad + 1);
            Arrays.fill(padded, content.length, padded.length, (byte) pad);
            Cipher c = Cipher.getInstance(spec.cipher() + "/CBC/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, spec.cipher()), new IvParameterSpec(iv));
            byte[] sealed = c.doFinal(padded);
            byte[] record = version == TLS10 ? sealed : concat(iv, sealed);
            if (etm) {
                record = concat(record, hmac(spec.mac(), macKey, seq, APP, version, record));
            }
            if (version == TLS10) {
                chainedIv = Arrays.copyOfRange(sealed, sealed.length - block, sealed.length);
            }
            assertArrayEquals(m, d.decrypt(APP, version, record, false), spec + " record " + seq);
        }
    }

    private static byte[] sealTls13(byte[] secret, long seq, byte[] inner) throws Exception {
        byte[] key = TlsHkdf.expandLabel("SHA-384", secret, "key", 32);
        byte[] iv = TlsHkdf.expandLabel("SHA-384", secret, "iv", 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce(iv, seq)));
        int length = inner.length + 16;
        c.updateAAD(new byte[] {APP, 3, 3, (byte) (length >> 8), (byte) length});
        return c.doFinal(inner);
    }

    private static byte[] hmac(String alg, byte[] key, long seq, int type, int version, byte[] content) throws Exception {
        Mac mac = Mac.getInstance(alg);
        mac.init(new SecretKeySpec(key, alg));
        mac.update(pseudoHeader(seq, type, version, content.length));
        return mac.doFinal(content);
    }

    private static byte[] pseudoHeader(long seq, int type, int version, int length) {
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

    private static byte[] nonce(byte[] iv, long seq) {
        byte[] n = iv.clone();
        for (int i = 0; i < 8; i++) {
            n[4 + i] ^= (byte) (seq >>> (56 - 8 * i));
        }
        return n;
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return TlsPrf.concat(a, b);
    }
}
