package dev.dorsal.dissectors.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.Tvb;
import org.junit.jupiter.api.Test;

/** Packet number recovery (RFC 9000 appendix A.3) and variable-length integers (RFC 9000 appendix A.1). */
class QuicConnectionTest {
    private static QuicConnection connection() {
        return new QuicConnection(0, Address.ipv4(0x0a000001L), 50000, QuicValues.VERSION_1,
                new byte[] {1});
    }

    @Test
    void theRfcPacketNumberExampleDecodesNearTheLargestAcknowledged() {
        QuicConnection c = connection();
        c.packetDecrypted(false, QuicConnection.SPACE_INITIAL, 0xa82f30eaL);
        assertEquals(0xa82f9b32L, c.decodePn(false, QuicConnection.SPACE_INITIAL, 0x9b32, 16));
    }

    @Test
    void theFirstPacketNumberIsTakenAsWritten() {
        assertEquals(253, connection().decodePn(false, QuicConnection.SPACE_INITIAL, 253, 8));
        assertEquals(7571184, connection().decodePn(true, QuicConnection.SPACE_INITIAL, 7571184, 24));
    }

    @Test
    void eachDirectionHasItsOwnLargestPacketNumber() {
        QuicConnection c = connection();
        c.packetDecrypted(false, QuicConnection.SPACE_INITIAL, 300);
        assertEquals(2, c.decodePn(true, QuicConnection.SPACE_INITIAL, 2, 8));
        assertEquals(258, c.decodePn(false, QuicConnection.SPACE_INITIAL, 2, 8));
    }

    private static long varint(String hex) {
        byte[] b = java.util.HexFormat.of().parseHex(hex);
        return QuicVarint.value(Tvb.of(new DataSource("Frame", b)), 0);
    }

    @Test
    void variableLengthIntegersOfEachSize() {
        assertEquals(151288809941952652L, varint("c2197c5eff14e88c"));
        assertEquals(494878333L, varint("9d7f3e7d"));
        assertEquals(15293, varint("7bbd"));
        assertEquals(37, varint("25"));
        assertEquals(37, varint("4025"));
    }
}
