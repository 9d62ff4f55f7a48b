package dev.dorsal.dissectors.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.spi.FieldDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RADIUS dictionary, request/response kinds and value texts as tshark 4.0.17 shows them (each
 * expected text is what tshark printed for the same bytes; the whole dissector is compared with tshark
 * by the shell's differential tests on {@code fuzz/radius_crafted.pcap} and ppp's radius captures).
 */
class RadiusValuesTest {
    @Test
    void dictionaryFieldsHaveTsharksTypesAndNames() throws Exception {
        Map<String, String[]> glossary = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/l2l3/fields_extra.tsv"))) {
            String[] c = line.split("\t", -1);
            glossary.put(c[1], c);
        }
        int checked = 0;
        for (FieldDef f : RadiusDictionary.fields()) {
            String[] g = glossary.get(f.abbrev());
            if (f.abbrev().equals("radius.Framed-IPX-Network")) {
                continue; // FT_IPXNET in tshark, a hex number here (docs/compat.md)
            }
            assertNotNull(g, f.abbrev());
            assertEquals(g[2], "FT_" + f.type().name(), f.abbrev());
            assertEquals(g[5], f.name(), f.abbrev());
            checked++;
        }
        assertTrue(checked > 150, "only " + checked);
    }

    @Test
    void attributesTsharksDictionaryLacksAreUnknown() {
        assertNull(RadiusDictionary.attribute(21));
        assertNull(RadiusDictionary.attribute(200));
        assertEquals("Acct-Terminate-Cause", RadiusDictionary.attribute(49).name());
        assertEquals("User-Request", RadiusDictionary.attribute(49).values().name(1));
        assertEquals("Residual-Context-Removed", RadiusDictionary.attribute(101).values().name(201));
        assertTrue(RadiusDictionary.attribute(81).tagged());
        assertEquals("radius.Framed-IP-Address", RadiusDictionary.attribute(8).field().abbrev());
    }

    @Test
    void extendedAttributesTsharksDictionaryNames() {
        assertEquals("Frag-Status", RadiusDictionary.extended(241, 1).name());
        assertEquals("More-Data-Request", RadiusDictionary.extended(241, 1).values().name(3));
        assertEquals("Original-Packet-Code", RadiusDictionary.extended(241, 4).name());
        assertEquals("Extended-Attribute-6", RadiusDictionary.extended(246, 0).name());
        assertNull(RadiusDictionary.extended(241, 5));
        assertNull(RadiusDictionary.extended(245, 1));
        assertNull(RadiusDictionary.extended(241, 26)); // Extended-Vendor-Specific-1 is not decoded
    }

    @Test
    void responsesPairWithTheirKindOfRequestOnly() {
        assertEquals(1, RadiusCalls.requestCode(11));
        assertEquals(4, RadiusCalls.requestCode(5));
        assertEquals(43, RadiusCalls.requestCode(45));
        assertEquals(129, RadiusCalls.requestCode(132));
        assertEquals(0, RadiusCalls.requestCode(12)); // Status-Server is not paired by tshark
        assertEquals(0, RadiusCalls.requestCode(13));
        assertEquals(0, RadiusCalls.requestCode(50));
        assertEquals(0, RadiusCalls.requestCode(25));
    }

    @Test
    void datesAndTextsAsTsharkPrintsThem() {
        assertEquals("Nov 14, 2023 22:13:20.000000000 UTC", RadiusAttributes.date(1700000000L));
        assertEquals("Feb  7, 2106 06:28:15.000000000 UTC", RadiusAttributes.date(0xffffffffL));
        assertEquals("tab\\there", RadiusAttributes.text("tab\there".getBytes()));
        assertEquals("nul\\000z", RadiusAttributes.text(new byte[] {'n', 'u', 'l', 0, 'z'}));
        assertEquals("00ff10", RadiusAttributes.hex(new byte[] {0, (byte) 0xff, 0x10}));
    }
}
