package dev.dorsal.dissectors.nbns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.spi.BoundsException;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * NetBIOS names decoded as tshark 4.0.17 shows them (each expected text is what tshark printed for
 * the same bytes in fuzz/nbns_crafted.pcap; the dissectors are compared whole by the shell's
 * differential tests).
 */
class NetbiosNamesTest {
    private static Tvb tvb(byte[] b) {
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    /** The first-level encoding of a 15-character name padded with {@code pad}, then its type. */
    private static byte[] encoded(String name, int type, char pad, String... scope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(32);
        StringBuilder raw = new StringBuilder(name);
        while (raw.length() < 15) {
            raw.append(pad);
        }
        raw.append((char) type);
        for (int i = 0; i < 16; i++) {
            int c = raw.charAt(i);
            out.write('A' + (c >> 4));
            out.write('A' + (c & 15));
        }
        for (String label : scope) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    @Test
    void aNameShowsItsTypeAndLosesItsPadding() {
        NetbiosNames.Name n = NetbiosNames.read(tvb(encoded("WPAD", 0, ' ')), 0, 0);
        assertEquals("WPAD<00>", n.text());
        assertEquals(0, n.type());
        assertEquals(34, n.used());
        assertEquals("Workstation/Redirector", NetbiosNames.typeName(n.type()));
    }

    @Test
    void unprintableBytesAndScopesAreShownAsTsharkShowsThem() {
        assertEquals("*<00><00><00><00><00><00><00><00><00><00><00><00><00><00><00>",
                NetbiosNames.read(tvb(encoded("*", 0, '\0')), 0, 0).text());
        assertEquals("FOO<1c>.corp.example.com",
                NetbiosNames.read(tvb(encoded("FOO", 0x1c, ' ', "corp", "example", "com")), 0, 0).text());
        assertEquals("A B  C<00>", NetbiosNames.read(tvb(encoded("A B  C", 0, ' ')), 0, 0).text());
        assertEquals("Unknown", NetbiosNames.typeName(0x41));
    }

    @Test
    void badEncodingsGiveTsharksIllegalNameTexts() {
        byte[] odd = {5, 'A', 'B', 'C', 'D', 'E', 0};
        assertEquals("Illegal NetBIOS name (odd number of bytes)", NetbiosNames.read(tvb(odd), 0, 0).text());
        byte[] shortName = new byte[32];
        shortName[0] = 30;
        java.util.Arrays.fill(shortName, 1, 31, (byte) 'A');
        assertEquals("Illegal NetBIOS name (15 bytes long)", NetbiosNames.read(tvb(shortName), 0, 0).text());
        byte[] second = encoded("HOST", 0, ' ');
        second[2] = 'a';
        NetbiosNames.Name n = NetbiosNames.read(tvb(second), 0, 0);
        assertEquals("Illegal NetBIOS name (2nd character not between A and Z in first-level encoding)", n.text());
        assertFalse(n.valid());
        byte[] root = {0};
        assertEquals("Illegal NetBIOS name (1st character not between A and Z in first-level encoding)",
                NetbiosNames.read(tvb(root), 0, 0).text());
    }

    @Test
    void pointersAreFollowedAndALoopEndsTheName() {
        byte[] msg = new byte[34 + 2];
        System.arraycopy(encoded("HOST", 0x20, ' '), 0, msg, 0, 34);
        msg[34] = (byte) 0xc0;
        msg[35] = 0;
        NetbiosNames.Name n = NetbiosNames.read(tvb(msg), 34, 0);
        assertEquals("HOST<20>", n.text());
        assertEquals(2, n.used());
        byte[] loop = {2, 'A', 'B', (byte) 0xc0, 3};
        assertEquals("Illegal NetBIOS name (1st character not between A and Z in first-level encoding)",
                NetbiosNames.read(tvb(loop), 0, 0).text());
    }

    @Test
    void aNameRunningOffThePacketThrows() {
        byte[] cut = java.util.Arrays.copyOf(encoded("HOST", 0, ' '), 20);
        assertThrows(BoundsException.class, () -> NetbiosNames.read(tvb(cut), 0, 0));
    }

    @Test
    void nbFlagsNoteNamesTheOwnerNodeType() {
        assertEquals("(B-node, unique)", NbnsDissector.nbFlagsNote(0x0000));
        assertEquals("(H-node, group)", NbnsDissector.nbFlagsNote(0xe000));
        assertEquals("(P-node, unique)", NbnsDissector.nbFlagsNote(0x2000));
        assertTrue(NbnsDissector.opcodeName(3).startsWith("Unknown operation"));
        assertEquals("Unknown message type (0x17)", NbdsDissector.typeInfo(0x17));
    }
}
