package dev.dorsal.dissectors.tcp;

import dev.dorsal.engine.capture.RawFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Builds Ethernet/IPv4/TCP frames in memory for reassembly tests (checksums left zero: tshark does not verify them). */
final class TestSegments {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private final List<RawFrame> frames = new ArrayList<>();
    private long nanos = 1_000_000_000_000L;

    /** Appends a segment from 10.0.0.1:{@code srcPort} to 10.0.0.2:{@code dstPort} (or back when {@code reverse}). */
    TestSegments add(boolean reverse, int srcPort, int dstPort, long seq, long ack, int flags, byte[] payload) {
        int len = 14 + 20 + 20 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(Math.max(60, len));
        b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) frames.size())
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] a = {10, 0, 0, 1};
        byte[] z = {10, 0, 0, 2};
        b.put(reverse ? z : a).put(reverse ? a : z);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .putShort((short) (0x5000 | flags)).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        b.put(payload);
        byte[] data = b.array();
        nanos += 1_000_000L;
        frames.add(new RawFrame(frames.size() + 1, 0, 1, 0, nanos, 6, data.length, data));
        return this;
    }

    List<RawFrame> frames() {
        return frames;
    }
}
