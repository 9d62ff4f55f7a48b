package dev.dorsal.dissectors.wol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What tshark 4.0.17 takes for a magic packet, and how it writes the SecureOn password. */
class WolDissectorTest {
    private static final byte[] MAC = {0x00, 0x0d, 0x56, (byte) 0xdc, (byte) 0x9e, 0x35};

    private static byte[] magic(byte[] password) {
        byte[] b = new byte[WolDissector.MAGIC_LEN + password.length];
        Arrays.fill(b, 0, 6, (byte) 0xff);
        for (int i = 0; i < 16; i++) {
            System.arraycopy(MAC, 0, b, 6 + 6 * i, 6);
        }
        System.arraycopy(password, 0, b, WolDissector.MAGIC_LEN, password.length);
        return b;
    }

    private static Tvb tvb(byte[] b) {
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void syncStreamAndSixteenCopiesMakeAMagicPacket() {
        assertTrue(WolDissector.isMagic(tvb(magic(new byte[0]))));
        byte[] other = magic(new byte[0]);
        other[6 + 6 * 15] = 0x02;
        assertFalse(WolDissector.isMagic(tvb(other)));
        byte[] sync = magic(new byte[0]);
        sync[5] = 0;
        assertFalse(WolDissector.isMagic(tvb(sync)));
        assertFalse(WolDissector.isMagic(tvb(Arrays.copyOf(magic(new byte[0]), 101))));
    }

    @Test
    void passwordsShowAsAnAddressOrAMac() {
        byte[] four = magic(new byte[] {10, 0, 0, 1});
        assertEquals("10.0.0.1", WolDissector.passwordText(tvb(four), WolDissector.MAGIC_LEN, 4));
        byte[] six = magic(new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertEquals("01:02:03:04:05:06", WolDissector.passwordText(tvb(six), WolDissector.MAGIC_LEN, 6));
    }
}
