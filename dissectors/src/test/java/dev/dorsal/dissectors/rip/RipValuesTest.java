package dev.dorsal.dissectors.rip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RIP's names and password text as tshark 4.0.17 shows them. */
class RipValuesTest {
    private static Tvb tvb(byte[] b) {
        return Tvb.of(new DataSource("Frame", b), b.length);
    }

    @Test
    void passwordStopsAtTheFirstNul() {
        byte[] b = new byte[16];
        System.arraycopy("secret".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
        b[8] = 'x';
        assertEquals("secret", RipDissector.cString(tvb(b), 0, 16));
        assertEquals("", RipDissector.cString(tvb(new byte[8]), 0, 8));
    }

    @Test
    void protocolColumnNamesTheVersionOrFallsBackToRip() {
        assertEquals("RIPv1", RipDissector.VERSIONS.nameOr(1, "RIP"));
        assertEquals("RIPv2", RipDissector.VERSIONS.nameOr(2, "RIP"));
        assertEquals("RIP", RipDissector.VERSIONS.nameOr(3, "RIP"));
    }

    @Test
    void commandsAreNamedFromTsharksTable() {
        assertEquals("Vendor specific (Sun)", RipDissector.COMMANDS.name(5));
        assertEquals("Response", RipngDissector.COMMANDS.name(2));
    }
}
