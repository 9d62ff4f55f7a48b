package dev.dorsal.dissectors.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known-answer tests of the key derivation and of AES-CCM, and the cipher suites read from their names. */
class TlsCryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The TLS 1.2 PRF (P_SHA256) vector published on the IETF TLS list for RFC 5246. */
    @Test
    void tls12PrfSha256() throws Exception {
        byte[] out = TlsPrf.prf("HmacSHA256", HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertEquals("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af"
                + "0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187"
                + "347b66", HEX.formatHex(out));
    }

    /** The TLS 1.0/1.1 PRF is P_MD5 over the first half of the secret XOR P_SHA1 over the second. */
    @Test
    void tls10PrfSplitsTheSecret() throws Exception {
        byte[] secret = HEX.parseHex("000102030405060708090a0b0c0d0e0f10111213");
        byte[] seed = HEX.parseHex("cafe");
        byte[] out = TlsPrf.prf(null, secret, "x", seed, 40);
        // The first output block, built by hand: HMAC_MD5(S1, A(1) + seed) XOR HMAC_SHA1(S2, A(1) + seed).
        javax.crypto.Mac a = javax.crypto.Mac.getInstance("HmacMD5");
        a.init(new javax.crypto.spec.SecretKeySpec(java.util.Arrays.copyOf(secret, 10), "HmacMD5"));
        byte[] labelSeed = TlsPrf.concat("x".getBytes(), seed);
        byte[] a1 = a.doFinal(labelSeed);
        a.update(a1);
        byte[] firstMd5Block = a.doFinal(labelSeed);
        javax.crypto.Mac s = javax.crypto.Mac.getInstance("HmacSHA1");
        s.init(new javax.crypto.spec.SecretKeySpec(java.util.Arrays.copyOfRange(secret, 10, 20), "HmacSHA1"));
        byte[] s1 = s.doFinal(labelSeed);
        s.update(s1);
        byte[] firstShaBlock = s.doFinal(labelSeed);
        for (int i = 0; i < 16; i++) {
            assertEquals((byte) (firstMd5Block[i] ^ firstShaBlock[i]), out[i]);
        }
    }

    /** RFC 8448 section 3: the server handshake write key and IV of the simple 1-RTT handshake. */
    @Test
    void hkdfExpandLabelMatchesRfc8448() throws Exception {
        byte[] secret = HEX.parseHex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
        assertEquals("3fce516009c21727d0f2e4e86ee403bc", HEX.formatHex(TlsHkdf.expandLabel("SHA-256", secret, "key", 16)));
        assertEquals("5d313eb2671276ee13000b30", HEX.formatHex(TlsHkdf.expandLabel("SHA-256", secret, "iv", 12)));
    }

    /** NIST SP 800-38C, example 3 (12-byte nonce, 8-byte tag, as TLS's CCM_8). */
    @Test
    void ccmOpensTheSp80038cExample() throws Exception {
        byte[] key = HEX.parseHex("404142434445464748494a4b4c4d4e4f");
        byte[] nonce = HEX.parseHex("101112131415161718191a1b");
        byte[] aad = HEX.parseHex("000102030405060708090a0b0c0d0e0f10111213");
        byte[] sealed = HEX.parseHex("e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951");
        byte[] plain = TlsCcm.open(key, nonce, aad, sealed, 0, sealed.length, 8, false);
        assertEquals("202122232425262728292a2b2c2d2e2f3031323334353637", HEX.formatHex(plain));
        sealed[sealed.length - 1] ^= 1;
        assertNull(TlsCcm.open(key, nonce, aad, sealed, 0, sealed.length, 8, false), "a bad tag does not open");
        assertEquals("202122232425262728292a2b2c2d2e2f3031323334353637",
                HEX.formatHex(TlsCcm.open(key, nonce, aad, sealed, 0, sealed.length, 8, true)), "unless told to");
    }

    @Test
    void cipherSuitesAreReadFromTheirNames() {
        assertSpec(0xc02f, "AES", TlsCipherSpec.Mode.GCM, 16, 4, 16, null, "SHA-256");
        assertSpec(0xc030, "AES", TlsCipherSpec.Mode.GCM, 32, 4, 16, null, "SHA-384");
        assertSpec(0xcca8, "ChaCha20", TlsCipherSpec.Mode.CHACHA20_POLY1305, 32, 12, 16, null, "SHA-256");
        assertSpec(0x003c, "AES", TlsCipherSpec.Mode.CBC, 16, 16, 0, "HmacSHA256", "SHA-256");
        assertSpec(0x0035, "AES", TlsCipherSpec.Mode.CBC, 32, 16, 0, "HmacSHA1", "SHA-256");
        assertSpec(0xc028, "AES", TlsCipherSpec.Mode.CBC, 32, 16, 0, "HmacSHA384", "SHA-384");
        assertSpec(0x000a, "DESede", TlsCipherSpec.Mode.CBC, 24, 8, 0, "HmacSHA1", "SHA-256");
        assertSpec(0x0004, "ARCFOUR", TlsCipherSpec.Mode.STREAM, 16, 0, 0, "HmacMD5", "SHA-256");
        assertSpec(0x0002, null, TlsCipherSpec.Mode.NULL, 0, 0, 0, "HmacSHA1", "SHA-256");
        assertSpec(0xc0ad, "AES", TlsCipherSpec.Mode.CCM, 32, 4, 16, null, "SHA-256");
        assertSpec(0xc0a8, "AES", TlsCipherSpec.Mode.CCM, 16, 4, 8, null, "SHA-256");
        assertSpec(0x1301, "AES", TlsCipherSpec.Mode.GCM, 16, 4, 16, null, "SHA-256");
        assertSpec(0x1302, "AES", TlsCipherSpec.Mode.GCM, 32, 4, 16, null, "SHA-384");
        assertSpec(0x1303, "ChaCha20", TlsCipherSpec.Mode.CHACHA20_POLY1305, 32, 12, 16, null, "SHA-256");
        assertSpec(0x1305, "AES", TlsCipherSpec.Mode.CCM, 16, 4, 8, null, "SHA-256");
        for (int unsupported : new int[] {0x0003, 0x0041, 0xc072, 0x0096, 0xc03c}) {
            assertNull(TlsCipherSpec.of(unsupported), String.format("0x%04x", unsupported));
        }
        assertEquals("cipher suite TLS_RSA_WITH_CAMELLIA_128_CBC_SHA cannot be decrypted (cipher not supported)",
                TlsCipherSpec.unsupportedReason(0x0041));
    }

    private static void assertSpec(int suite, String cipher, TlsCipherSpec.Mode mode, int key, int iv, int tag,
            String mac, String hash) {
        TlsCipherSpec s = TlsCipherSpec.of(suite);
        String what = String.format("0x%04x", suite);
        assertEquals(cipher, s.cipher(), what);
        assertEquals(mode, s.mode(), what);
        assertEquals(key, s.keyLength(), what);
        assertEquals(iv, s.fixedIvLength(), what);
        assertEquals(tag, s.tagLength(), what);
        assertEquals(mac, s.mac(), what);
        assertEquals(hash, s.hash(), what);
    }
}
