package dev.dorsal.dissectors.s7comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * S7comm's value logic as tshark 4.0.17 shows it (each expected text is what tshark printed for the
 * same bytes, in ppp's s7comm.pcap or fuzz/industrial_crafted.pcap).
 */
class S7commValuesTest {
    @Test
    void addressesNameTheAreaAndSplitByteAndBit() {
        assertEquals("DB 1.DBX 0.0", S7commItems.address(0x84, 1, 0x000000));
        assertEquals("M 2.0", S7commItems.address(0x83, 0, 0x000010));
        assertEquals("M 2.5", S7commItems.address(0x83, 0, 0x000015));
    }

    @Test
    void bcdDigitsAreDecimal() {
        assertEquals(21, S7commDiag.bcd(0x21));
        assertEquals(99, S7commDiag.bcd(0x99));
        assertEquals(65, S7commDiag.bcd(0x65));
    }

    @Test
    void timestampsPrintWithMilliseconds() {
        assertEquals("Sep  8, 2021 15:33:37.656", S7commDiag.text(S7commDiag.normalised(21, 9, 8, 15, 33, 37), 656));
    }

    @Test
    void outOfRangeFieldsCarryOverAsMktimeDoes() {
        // Day 15, hour 33, second 65 of August 2009: tshark printed Aug 16, 2009 09:38:05.658.
        assertEquals("Aug 16, 2009 09:38:05.658", S7commDiag.text(S7commDiag.normalised(9, 8, 15, 33, 37, 65), 658));
    }

    @Test
    void twoDigitYearsFromNinetyAreLastCentury() {
        assertEquals(1999, S7commDiag.normalised(99, 1, 1, 0, 0, 0).getYear());
        assertEquals(2089, S7commDiag.normalised(89, 1, 1, 0, 0, 0).getYear());
    }

    @Test
    void eventTextsComeFromTsharksOutput() {
        assertEquals("Mode transition from STARTUP to RUN", S7commDiag.EVENTS.name(0x4302));
        assertEquals("STOP caused by CPU memory management", S7commDiag.EVENTS.name(0x4546));
        assertNull(S7commDiag.EVENTS.name(0x0001));
        assertEquals(2420, S7commDiag.EVENTS.entries().size());
    }

    @Test
    void errorCodesAndPartialListsCarryTsharksLabels() {
        assertEquals("This service is not implemented on the module or a frame error was reported",
                S7commErrors.CODES.name(0x8104));
        assertEquals("Incorrect password entered", S7commErrors.CODES.name(0xd602));
        assertEquals("Diagnostic buffer of the CPU", S7commSzlNames.PARTLIST_NUM.name(0xa0));
        assertEquals("All identification data records of a module", S7commSzlNames.PARTLIST_EX.name(0x0011));
    }

    @Test
    void blockFileNamesKnowTsharksBlockTypesAndFileSystems() {
        assertEquals("DB", S7commBlocks.BLOCK_TYPES.get("0A"));
        assertEquals("CMod", S7commBlocks.BLOCK_TYPES.get("09"));
        assertNull(S7commBlocks.BLOCK_TYPES.get("10"));
        assertEquals("Passive (copied, but not chained) module", S7commBlocks.FILESYSTEMS.get("P"));
        assertNull(S7commBlocks.FILESYSTEMS.get("Q"));
    }
}
