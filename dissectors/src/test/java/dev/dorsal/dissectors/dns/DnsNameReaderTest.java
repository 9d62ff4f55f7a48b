package dev.dorsal.dissectors.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.Tvb;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Names read as tshark 4.0.17 shows them (the cases of dns_crafted_*.pcap, checked there against tshark):
 * compression, the root, loops cut short, over-long names, escapes, and names running off the message.
 */
class DnsNameReaderTest {
    private static Tvb tvb(String hex) {
        return Tvb.of(new DataSource("t", HexFormat.of().parseHex(hex)));
    }

    private static DnsNameReader read(String hex, int offset) {
        DnsNameReader r = new DnsNameReader();
        r.read(tvb(hex), offset, 0, true);
        return r;
    }

    @Test
    void followsPointersAndCountsOnlyTheBytesBeforeTheFirst() {
        // "ex.test" at 0, then "www" + pointer to 0 at 9
        DnsNameReader r = read("0265780474657374" + "00" + "03777777c000", 9);
        assertEquals("www.ex.test", r.name);
        assertEquals(6, r.used);
        assertEquals(11, r.displayLength());
        assertEquals(3, r.labelCount());
    }

    @Test
    void emptyNameIsRootAndOneCharacterNamesHaveNoLength() {
        assertEquals("<Root>", read("00", 0).name);
        assertEquals(6, read("00", 0).displayLength());
        assertEquals(1, read("00", 0).labelCount());
        DnsNameReader a = read("016100", 0);
        assertEquals("a", a.name);
        assertEquals(0, a.displayLength());
        assertEquals(0, a.labelCount());
    }

    @Test
    void pointerLoopsEndWithTheirPlaceholder() {
        assertEquals(DnsNameReader.LOOPS, read("c000", 0).name);
        // label then a pointer back to it: the name would grow forever
        DnsNameReader r = read("0161c000", 0);
        assertEquals(DnsNameReader.LOOPS, r.name);
        assertEquals(4, r.used);
        // two pointers pointing at each other
        assertEquals(DnsNameReader.LOOPS, read("c002c000", 0).name);
    }

    @Test
    void namesOver253CharactersAreTooLong() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            hex.append("3f").append("61".repeat(63));
        }
        hex.append("00"); // 4 labels of 63: 255 characters with the dots
        DnsNameReader r = read(hex.toString(), 0);
        assertEquals(DnsNameReader.TOO_LONG, r.name);
        assertEquals(257, r.used);
    }

    @Test
    void controlBytesAreEscapedAndInvalidUtf8Replaced() {
        assertEquals("a\\000b.\uFFFD\\177", read("036100620 2ff7f00".replace(" ", ""), 0).name);
    }

    @Test
    void reservedLabelTypesAndShortDataAreMalformed() {
        assertThrows(MalformedException.class, () -> read("8041414100", 0));
        assertThrows(MalformedException.class, () -> read("41080100", 0));
        assertThrows(MalformedException.class, () -> read("05616263", 0));
        assertThrows(MalformedException.class, () -> read("c0ff", 0));
    }
}
