package dev.dorsal.dissectors.ipsec;

import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * tshark's ESP sequence analysis (on by default): per SPI, whatever the addresses, a packet whose
 * sequence number is not one more (modulo 2^32) than that of the previous packet with the SPI is
 * flagged with the number expected and the previous frame; the first packet of an SPI is never
 * flagged. Results are found while the capture is read; a second pass ({@code -2}) shows what the
 * first found, so both passes agree as in tshark.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_SPIS} SPIs are followed, the least
 * recently seen dropped first (its next packet then counts as a first one).
 */
final class EspSequence {
    static final int MAX_SPIS = 100_000;

    /** The sequence number that was expected and the frame of the SPI's previous packet. */
    record Verdict(long expected, long previousFrame) {}

    private record Last(long sequence, long frame) {}

    private static final Key<EspSequence> KEY = Key.of("esp.sequence");
    /** Learned expected numbers are stored plus one: 0 means "nothing learned". */
    private static final String EXPECTED = "esp.sequence-analysis.expected-sn";
    private static final String PREVIOUS = "esp.sequence-analysis.previous-frame";

    private final Map<Long, Last> last = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Last> eldest) {
            return size() > MAX_SPIS;
        }
    };

    private EspSequence() {}

    /** Checks this packet's sequence number against the SPI's previous one; null when in order or first. */
    static Verdict check(PacketInfo pinfo, long spi, long sequence) {
        PassLinks links = pinfo.links();
        long frame = pinfo.number();
        if (links.secondPass()) {
            long expected = links.recall(EXPECTED, frame);
            return expected == 0 ? null : new Verdict(expected - 1, links.recall(PREVIOUS, frame));
        }
        EspSequence state = pinfo.state(KEY, EspSequence::new);
        Last previous = state.last.put(spi, new Last(sequence, frame));
        if (previous == null) {
            return null;
        }
        long expected = (previous.sequence + 1) & 0xffffffffL;
        if (sequence == expected) {
            return null;
        }
        links.learn(EXPECTED, frame, expected + 1);
        links.learn(PREVIOUS, frame, previous.frame);
        return new Verdict(expected, previous.frame);
    }

    /** The end of tshark's warning: how {@code sequence} differs from {@code expected}. */
    static String problem(long sequence, long expected) {
        if (sequence > expected) {
            return (sequence - expected) + " missing";
        }
        if (sequence == expected - 1) {
            return sequence + " repeated";
        }
        return (expected - sequence) + " less than expected";
    }
}
