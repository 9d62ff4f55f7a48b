package dev.dorsal.dissectors.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dorsal.dissectors.text.TextLine;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The parts of FTP tshark 4.0.17 computes from text: addresses and ports of PORT, PASV, EPRT and EPSV,
 * with the item lengths it gives them, and the working directory. Each expected value is what tshark
 * showed for the same line (fuzz/ftp_crafted.pcap); the whole dissector is compared with tshark by the
 * shell's differential tests.
 */
class FtpParsingTest {
    @Test
    void passiveReplyTakesTheSixNumbersInsideTheText() {
        FtpAddresses.HostPort hp = FtpAddresses.hostPort("Entering Passive Mode (10,0,0,2,200,10).");
        assertEquals(23, hp.offset());
        assertEquals(0x0a000002L, hp.ip());
        assertEquals(51210, hp.port());
        assertEquals(8, hp.ipLength());
        assertEquals(6, hp.portLength());
    }

    @Test
    void passiveReplySkipsNumbersThatAreNotSixAndReducesThePortBytes() {
        // tshark: Passive IP address 10.0.0.2, port 11519, port item 5 bytes long for "300,-1"
        FtpAddresses.HostPort hp = FtpAddresses.hostPort("=1,2,3,4 then 10,0,0,2,300,-1");
        assertEquals(14, hp.offset());
        assertEquals(0x0a000002L, hp.ip());
        assertEquals(11519, hp.port());
        assertEquals(5, hp.portLength());
    }

    @Test
    void passiveReplyWithoutNumbersHasNoAddress() {
        assertNull(FtpAddresses.hostPort("Entering passive mode, no numbers"));
    }

    @Test
    void eprtGivesFamilyAddressAndPort() {
        FtpAddresses.Eprt e = FtpAddresses.eprt("|1|10.0.0.1|40100|");
        assertEquals(1, e.family());
        assertArrayEquals(new byte[] {10, 0, 0, 1}, e.address());
        assertEquals(40100, e.port());
        assertEquals(8, e.ipLength());
        assertEquals(5, e.portLength());
    }

    @Test
    void eprtNeedsFourDelimitersAndAValidAddress() {
        assertNull(FtpAddresses.eprt("|1|10.0.0.1|"));
        assertNull(FtpAddresses.eprt("x1x10.0.0.999x7x"));
    }

    @Test
    void eprtReadsIpv6Addresses() {
        FtpAddresses.Eprt e = FtpAddresses.eprt("|2|::1|40600|");
        assertEquals(2, e.family());
        assertEquals(16, e.address().length);
        assertEquals(1, e.address()[15]);
        assertEquals(40600, e.port());
    }

    @Test
    void epsvPortAndItsLength() {
        FtpAddresses.Epsv e = FtpAddresses.epsv("Entering Extended Passive Mode (|||51211|)");
        assertEquals(35, e.offset());
        assertEquals(51211, e.port());
        assertEquals(5, e.portLength());
    }

    @Test
    void epsvPortTooLargeBeforeADelimiterIs65535() {
        assertEquals(65535, FtpAddresses.epsv("Entering Extended Passive Mode (|||99999|)").port());
    }

    @Test
    void epsvWithoutAPortIsInvalid() {
        assertNull(FtpAddresses.epsv("Entering Extended Passive Mode (no port here)"));
    }

    @Test
    void relativeDirectoriesAreJoinedAndNormalised() {
        FtpConversation c = new FtpConversation();
        c.cwd = new StringBuilder("/home/ftp");
        c.changedDirectory("pub");
        assertEquals("/home/ftp/pub", c.cwd.toString());
        c.changedDirectory("../docs/./x");
        assertEquals("/home/ftp/docs/x", c.cwd.toString());
        c.changedDirectory("..");
        assertEquals("/home/ftp/docs", c.cwd.toString());
    }

    @Test
    void anAbsoluteDirectoryReplacesTheCurrentOne() {
        FtpConversation c = new FtpConversation();
        c.cwd = new StringBuilder("/home/ftp");
        c.changedDirectory("/srv");
        assertEquals("/srv", c.cwd.toString());
    }

    @Test
    void anEmptyDirectoryTakesARelativePathAsGiven() {
        FtpConversation c = new FtpConversation();
        c.changedDirectory("a/../b");
        assertEquals("a/../b", c.cwd.toString());
    }

    private static Tvb tvb(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void linesEndAtCrLfOrLfOrTheEndOfTheData() {
        Tvb t = tvb("211-Status\r\n text\n\r\n211 End");
        TextLine first = TextLine.at(t, 0);
        assertEquals(10, first.length());
        assertEquals(12, first.next());
        TextLine second = TextLine.at(t, 12);
        assertEquals(5, second.length());
        assertEquals(18, second.next());
        TextLine last = TextLine.at(t, 20);
        assertEquals(7, last.length());
        assertEquals(27, last.next());
        assertEquals("211-Status\\r\\n", first.formatWithEnd(t));
    }
}
