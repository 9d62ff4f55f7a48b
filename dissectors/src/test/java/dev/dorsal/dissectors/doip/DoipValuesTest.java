package dev.dorsal.dissectors.doip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** DoIP's value tables as tshark 4.0.17 labels them (tshark -G values and its -V output). */
class DoipValuesTest {
    @Test
    void reservedRangesAreNamedOneByOne() {
        assertEquals("No further action required", DoipValues.FURTHER_ACTION.name(0x00));
        assertEquals("Reserved by ISO 13400", DoipValues.FURTHER_ACTION.name(0x0f));
        assertEquals("Routing activation required to initiate central security", DoipValues.FURTHER_ACTION.name(0x10));
        assertNull(DoipValues.FURTHER_ACTION.name(0x11));
        assertEquals("Incomplete: VIN and GID are NOT synchronized", DoipValues.SYNC_STATUS.name(0x10));
    }

    @Test
    void routingActivationCodes() {
        assertEquals("Reserved by ISO 13400.", DoipValues.RESPONSE_CODES.name(0x08));
        assertEquals("Routing successfully activated.", DoipValues.RESPONSE_CODES.name(0x10));
        assertEquals("Routing will be activated; confirmation required.", DoipValues.RESPONSE_CODES.name(0x11));
        assertNull(DoipValues.RESPONSE_CODES.name(0x12));
    }

    @Test
    void payloadTypesAndVersions() {
        assertEquals("Vehicle announcement message/vehicle identification response message",
                DoipValues.TYPES.name(0x0004));
        assertNull(DoipValues.TYPES.name(0x7777));
        assertEquals("Default value for vehicle identification request messages", DoipValues.VERSIONS.name(0xff));
        assertEquals("Invalid source address", DoipValues.DIAG_NACK.name(0x02));
    }
}
