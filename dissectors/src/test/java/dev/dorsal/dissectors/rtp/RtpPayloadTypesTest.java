package dev.dorsal.dissectors.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The RTP payload type names SDP shows for the formats of an m= line. */
class RtpPayloadTypesTest {
    @Test
    void staticAndDynamicTypesAreNamed() {
        assertEquals("ITU-T G.711 PCMU", RtpPayloadTypes.name(0));
        assertEquals("ITU-T G.711 PCMA", RtpPayloadTypes.name(8));
        assertEquals("ITU-T G.729", RtpPayloadTypes.name(18));
        assertEquals("Unassigned", RtpPayloadTypes.name(20));
        assertEquals("Reserved for RTCP conflict avoidance", RtpPayloadTypes.name(72));
        assertEquals("DynamicRTP-Type-96", RtpPayloadTypes.name(96));
        assertEquals("DynamicRTP-Type-127", RtpPayloadTypes.name(127));
    }
}
