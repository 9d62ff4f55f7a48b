package dev.dorsal.dissectors.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extended sequence numbers RTP shows, as tshark counts them per stream. */
class RtpSetupTest {
    @Test
    void aStreamStartsInTheSecondWindow() {
        assertEquals(66536, new RtpSetup(1, "c", Map.of()).extend(1000));
    }

    @Test
    void aStartNearTheTopOfTheRangeStaysInTheFirstWindowAndWrapsForward() {
        RtpSetup s = new RtpSetup(1, "c", Map.of());
        assertEquals(65534, s.extend(65534));
        assertEquals(65535, s.extend(65535));
        assertEquals(65536, s.extend(0));
        assertEquals(65537, s.extend(1));
    }

    @Test
    void aLatePacketFromBeforeAWrapGoesBack() {
        RtpSetup s = new RtpSetup(1, "c", Map.of());
        assertEquals(65536 + 65535, s.extend(65535) + 65536); // first: 65535
        assertEquals(65536 + 2, s.extend(2));
        assertEquals(65535, s.extend(65535));
    }
}
