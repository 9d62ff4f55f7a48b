package dev.dorsal.dissectors.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * QUIC packet protection against the published test vectors of RFC 9001 Appendix A (the keys of the
 * DCID 8394c8f03e515708, the client Initial's header protection mask, the server Initial's payload,
 * the Retry integrity tag).
 */
class QuicCryptoTest {
    private static final byte[] DCID = hex("8394c8f03e515708");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void clientInitialKeysDeriveFromTheConnectionId() {
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, false);
        assertArrayEquals(hex("1f369613dd76d5467730efcbe3b1a22d"), k.key());
        assertArrayEquals(hex("fa044b2f42a3fd3b46fb255c"), k.iv());
        assertArrayEquals(hex("9f50449e04a0e810283a1e9933adedd2"), k.hp());
    }

    @Test
    void serverInitialKeysDeriveFromTheSameConnectionId() {
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, true);
        assertArrayEquals(hex("cf3a5331653c364c88f0f379b6067e37"), k.key());
        assertArrayEquals(hex("0ac1493ca1905853b0bba03e"), k.iv());
        assertArrayEquals(hex("c206b8d9b9f0f37644430b490eeaa314"), k.hp());
    }

    @Test
    void headerProtectionMaskOfTheClientInitial() {
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, false);
        assertArrayEquals(hex("437b9aec36"), k.mask(hex("d1b1c98dd7689fb8ec11d242b123dc9b")));
    }

    @Test
    void serverInitialDecryptsToItsAckAndCryptoFrames() throws QuicCrypto.Failure {
        byte[] packet = hex("cf000000010008f067a5502a4262b5004075c0d95a482cd0991cd25b0aac406a"
                + "5816b6394100f37a1c69797554780bb38cc5a99f5ede4cf73c3ec2493a1839b3"
                + "dbcba3f6ea46c5b7684df3548e7ddeb9c3bf9c73cc3f3bded74b562bfb19fb84"
                + "022f8ef4cdd93795d77d06edbb7aaf2f58891850abbdca3d20398c276456cbc4" + "2158407dd074ee");
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, true);
        int pnOffset = 18;
        byte[] mask = k.mask(java.util.Arrays.copyOfRange(packet, pnOffset + 4, pnOffset + 20));
        byte[] header = java.util.Arrays.copyOf(packet, pnOffset + 2);
        header[0] ^= (byte) (mask[0] & 0x0f);
        header[pnOffset] ^= mask[1];
        header[pnOffset + 1] ^= mask[2];
        assertArrayEquals(hex("c1000000010008f067a5502a4262b50040750001"), header);
        byte[] plain = k.open(1, header, java.util.Arrays.copyOfRange(packet, pnOffset + 2, packet.length));
        assertEquals("02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf739",
                HexFormat.of().formatHex(plain, 0, 32));
        assertEquals(99, plain.length);
    }

    @Test
    void aWrongPacketNumberFailsTheTag() {
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, true);
        QuicCrypto.Failure f = assertThrows(QuicCrypto.Failure.class, () -> k.open(7, new byte[4], new byte[40]));
        assertEquals("Decryption (checktag) failed: Checksum error", f.getMessage());
    }

    @Test
    void ciphertextShorterThanTheTagCannotBeDecrypted() {
        QuicCrypto.Keys k = QuicCrypto.initial(QuicValues.VERSION_1, DCID, true);
        QuicCrypto.Failure f = assertThrows(QuicCrypto.Failure.class, () -> k.open(0, new byte[4], new byte[15]));
        assertEquals("Decryption not possible, ciphertext is too short", f.getMessage());
    }

    @Test
    void retryIntegrityTagOfTheRfcRetry() {
        byte[] retry = hex("ff000000010008f067a5502a4262b5746f6b656e");
        byte[] tag = hex("04a265ba2eff4d829058fb3f0f2496ba");
        assertTrue(QuicCrypto.retryTagValid(QuicValues.VERSION_1, DCID, retry, tag));
        tag[0] ^= 1;
        assertFalse(QuicCrypto.retryTagValid(QuicValues.VERSION_1, DCID, retry, tag));
    }

    @Test
    void aOneRttPacketDecryptsWithKeysFromItsTrafficSecret() throws QuicCrypto.Failure {
        byte[] secret = hex("310281977cb8c1c1c1212d784b2d29e5a6489e23de848d370a5a2f9537f3a100");
        byte[] packet = hex("5db01fd24a586a9cf33dec094aaec6d6b4b7a5e15f5a3f05d06cf1ad0355c19d"
                + "cce0807eecf7bf1c844a66e1ecd1f74b2a2d69bfd25d217833edd973246597bd"
                + "5107ea15cb1e210045396afa602fe23432f4ab24ce251b");
        QuicCrypto.Keys k = QuicCrypto.fromSecret(QuicValues.VERSION_1, secret, 0x1301);
        int pnOffset = 9;
        byte[] mask = k.mask(java.util.Arrays.copyOfRange(packet, pnOffset + 4, pnOffset + 20));
        byte[] header = java.util.Arrays.copyOf(packet, pnOffset + 2);
        header[0] ^= (byte) (mask[0] & 0x1f);
        header[pnOffset] ^= mask[1];
        header[pnOffset + 1] ^= mask[2];
        assertArrayEquals(hex("41b01fd24a586a9cf30003"), header);
        byte[] plain = k.open(3, header, java.util.Arrays.copyOfRange(packet, pnOffset + 2, packet.length));
        assertEquals("06003904000035000151805a4bebf5000020b098c8dc4183e4c182572e10ac3e",
                HexFormat.of().formatHex(plain, 0, 32));
    }

    @Test
    void suitesQuicDoesNotUseHaveNoKeys() {
        assertEquals(null, QuicCrypto.fromSecret(QuicValues.VERSION_1, new byte[32], 0x1304));
    }

    @Test
    void chachaKeysAndPacketOfRfc9001AppendixA5() throws QuicCrypto.Failure {
        byte[] secret = hex("9ac312a7f877468ebe69422748ad00a15443f18203a07d6060f688f30f21632b");
        QuicCrypto.Keys k = QuicCrypto.fromSecret(QuicValues.VERSION_1, secret, 0x1303);
        assertArrayEquals(hex("c6d98ff3441c3fe1b2182094f69caa2ed4b716b65488960a7a984979fb23e1c8"), k.key());
        assertArrayEquals(hex("e0459b3474bdd0e44a41c144"), k.iv());
        assertArrayEquals(hex("25a282b9e82f06f21f488917a4fc8f1b73573685608597d0efcb076b0ab7a7a4"), k.hp());
        byte[] packet = hex("4cfe4189655e5cd55c41f69080575d7999c25a5bfb");
        byte[] mask = k.mask(java.util.Arrays.copyOfRange(packet, 5, 21));
        byte[] header = {(byte) (packet[0] ^ (mask[0] & 0x1f)), (byte) (packet[1] ^ mask[1]),
            (byte) (packet[2] ^ mask[2]), (byte) (packet[3] ^ mask[3])};
        assertArrayEquals(hex("4200bff4"), header);
        assertArrayEquals(hex("01"), k.open(654360564, header, java.util.Arrays.copyOfRange(packet, 4, packet.length)));
    }
}
