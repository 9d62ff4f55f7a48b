package dev.dorsal.dissectors.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known-answer checks of the zero-key arithmetic tshark 4.0.17 decrypts with (expected values from
 * Python's "cryptography" package, an implementation independent of the JDK's).
 */
class SshCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void chachaKeysEachRecordBySequenceNumberAndBlockCounter() {
        assertEquals("707915d32365401e", HEX.formatHex(SshCipher.chacha(3, 0, new byte[8], 0, 8)));
        assertEquals("95bc04052de5b45bd6427c155ee8de97", HEX.formatHex(SshCipher.chacha(7, 1, new byte[16], 0, 16)));
    }

    @Test
    void poly1305UsesTheRecordsOneTimeKey() {
        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertEquals("307365748a51b83c23dfef02984b7f8c", HEX.formatHex(SshCipher.poly1305(5, data)));
    }

    @Test
    void gcmDecryptsWithTheCountedIvAndReturnsTheTagOfWhatItRead() {
        byte[] plain = new byte[48];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) i;
        }
        byte[] aad = {0, 0, 0, 0x30};
        SshCipher gcm = new SshCipher(SshCipher.Kind.AES256_GCM);
        byte[] sealed = HEX.parseHex("cea6423e49656d690f47cfd8b6fe9317627111d923b33c63c9bbef95691b2b91fd6b930b696fc7"
                + "5c69c1730f6b2118d85b24df0705bfb43880506b8829e77919");
        byte[] out = gcm.gcm(aad, sealed, 0, 48);
        assertEquals(HEX.formatHex(plain), HEX.formatHex(Arrays.copyOf(out, 48)));
        assertEquals(HEX.formatHex(sealed, 48, 64), HEX.formatHex(out, 48, 64));

        // The next record of the side uses IV 0...01.
        SshCipher gcm128 = new SshCipher(SshCipher.Kind.AES128_GCM);
        gcm128.gcm(aad, new byte[48], 0, 48);
        byte[] second = HEX.parseHex("6e00db33038d74ba533be69f69f04997d5b913274de3a16c9bd4efded9e241da1eb9a01b9cd3df"
                + "e474c30005507d7985c5f70a31bcb65ef17166253615370f44");
        byte[] out2 = gcm128.gcm(aad, second, 0, 48);
        assertEquals(HEX.formatHex(plain), HEX.formatHex(Arrays.copyOf(out2, 48)));
        assertEquals(HEX.formatHex(second, 48, 64), HEX.formatHex(out2, 48, 64));
    }

    @Test
    void hmacSha256HasTheZeroKeyAndTheSequenceNumberFirst() {
        assertEquals("ed591e3d6fbacb8394ecaddd43dc0517c463cbac2d1d187379d625c7285c473b",
                HEX.formatHex(SshCipher.hmacSha256(9, "packet".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void onlyTheCipherNamesTsharkKnowsAreDecrypted() {
        assertEquals(SshCipher.Kind.CHACHA20, SshCipher.Kind.of("chacha20-poly1305@openssh.com"));
        assertEquals(SshCipher.Kind.AES128_CTR, SshCipher.Kind.of("aes128-ctr"));
        assertEquals(SshCipher.Kind.AES256_GCM, SshCipher.Kind.of("aes256-gcm@openssh.com"));
        assertEquals(null, SshCipher.Kind.of("3des-cbc"));
        assertEquals(null, SshCipher.Kind.of(null));
    }
}
