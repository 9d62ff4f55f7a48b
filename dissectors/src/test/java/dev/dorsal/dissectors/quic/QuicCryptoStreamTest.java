package dev.dorsal.dissectors.quic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CRYPTO data put back in offset order, as tshark hands it to TLS. */
class QuicCryptoStreamTest {
    private static byte[] bytes(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void dataAtTheExpectedOffsetIsHandedOverInPlace() {
        QuicCryptoStream s = new QuicCryptoStream();
        QuicCryptoStream.InPlace first = assertInstanceOf(QuicCryptoStream.InPlace.class, s.receive(1, 0, bytes(0, 10)));
        assertEquals(0, first.start());
        assertEquals(10, first.length());
        QuicCryptoStream.InPlace next = assertInstanceOf(QuicCryptoStream.InPlace.class, s.receive(2, 10, bytes(10, 5)));
        assertEquals(5, next.length());
    }

    @Test
    void dataBeyondAGapWaitsUntilTheGapIsFilled() {
        QuicCryptoStream s = new QuicCryptoStream();
        assertInstanceOf(QuicCryptoStream.Pending.class, s.receive(3, 100, bytes(100, 138)));
        QuicCryptoStream.Reassembled r = assertInstanceOf(QuicCryptoStream.Reassembled.class,
                s.receive(4, 0, bytes(0, 100)));
        assertArrayEquals(bytes(0, 238), r.bytes());
        assertEquals(List.of(new QuicCryptoStream.Fragment(4, 100), new QuicCryptoStream.Fragment(3, 138)),
                r.fragments());
    }

    @Test
    void dataAtTheExpectedOffsetWaitsWhileALaterGapIsOpen() {
        QuicCryptoStream s = new QuicCryptoStream();
        assertInstanceOf(QuicCryptoStream.Pending.class, s.receive(43, 900, bytes(900, 200)));
        assertInstanceOf(QuicCryptoStream.Pending.class, s.receive(43, 0, bytes(0, 400)));
        assertInstanceOf(QuicCryptoStream.Pending.class, s.receive(43, 600, bytes(600, 300)));
        assertInstanceOf(QuicCryptoStream.Pending.class, s.receive(44, 1100, bytes(1100, 323)));
        QuicCryptoStream.Reassembled r = assertInstanceOf(QuicCryptoStream.Reassembled.class,
                s.receive(44, 400, bytes(400, 200)));
        assertArrayEquals(bytes(0, 1423), r.bytes());
        assertEquals(List.of(new QuicCryptoStream.Fragment(43, 400), new QuicCryptoStream.Fragment(44, 200),
                new QuicCryptoStream.Fragment(43, 300), new QuicCryptoStream.Fragment(43, 200),
                new QuicCryptoStream.Fragment(44, 323)), r.fragments());
    }

    @Test
    void dataAlreadyHandedOverIsARetransmission() {
        QuicCryptoStream s = new QuicCryptoStream();
        s.receive(1, 0, bytes(0, 50));
        assertInstanceOf(QuicCryptoStream.Retransmission.class, s.receive(2, 0, bytes(0, 50)));
        assertInstanceOf(QuicCryptoStream.Retransmission.class, s.receive(3, 10, bytes(10, 20)));
    }

    @Test
    void anOverlapKeepsOnlyTheNewBytes() {
        QuicCryptoStream s = new QuicCryptoStream();
        s.receive(1, 0, bytes(0, 50));
        QuicCryptoStream.InPlace in = assertInstanceOf(QuicCryptoStream.InPlace.class, s.receive(2, 40, bytes(40, 20)));
        assertEquals(10, in.start());
        assertEquals(10, in.length());
    }

    @Test
    void piecesBeyondTheBufferBoundAreDropped() {
        QuicCryptoStream s = new QuicCryptoStream();
        assertInstanceOf(QuicCryptoStream.Pending.class,
                s.receive(1, 10, new byte[QuicCryptoStream.MAX_BUFFERED + 1]));
        assertInstanceOf(QuicCryptoStream.InPlace.class, s.receive(2, 0, bytes(0, 10)));
    }
}
