package dev.dorsal.dissectors.http.testkit;

import dev.dorsal.engine.capture.RawFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one TCP connection as Ethernet/IPv4 frames in memory (10.1.1.1 client, 10.1.1.2 server): the
 * handshake, then data segments in either direction with correct sequence numbers. Checksums are left
 * zero: tshark does not verify them.
 */
public final class TcpFrames {
    private static final int SYN = 0x02;
    private static final int PSH_ACK = 0x18;
    private static final int SYN_ACK = 0x12;
    private static final int ACK = 0x10;

    private final int clientPort;
    private final int serverPort;
    private final List<RawFrame> frames = new ArrayList<>();
    private long clientSeq = 1000;
    private long serverSeq = 90000;
    private long nanos = 1_700_000_000_000_000_000L;

    public TcpFrames(int clientPort, int serverPort) {
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        add(false, SYN, new byte[0]);
        clientSeq++;
        add(true, SYN_ACK, new byte[0]);
        serverSeq++;
        add(false, ACK, new byte[0]);
    }

    /** Client to server. */
    public TcpFrames client(byte[] data) {
        add(false, PSH_ACK, data);
        clientSeq += data.length;
        return this;
    }

    /** Server to client. */
    public TcpFrames server(byte[] data) {
        add(true, PSH_ACK, data);
        serverSeq += data.length;
        return this;
    }

    private void add(boolean fromServer, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(60, 54 + payload.length));
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) frames.size())
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] client = {10, 1, 1, 1};
        byte[] server = {10, 1, 1, 2};
        b.put(fromServer ? server : client).put(fromServer ? client : server);
        b.putShort((short) (fromServer ? serverPort : clientPort)).putShort((short) (fromServer ? clientPort : serverPort));
        b.putInt((int) (fromServer ? serverSeq : clientSeq)).putInt((int) (fromServer ? clientSeq : serverSeq));
        b.putShort((short) (0x5000 | flags)).putShort((short) 65535).putInt(0);
        b.put(payload);
        byte[] data = b.array();
        nanos += 1_000_000L;
        frames.add(new RawFrame(frames.size() + 1, 0, 1, 0, nanos, 6, data.length, data));
    }

    public List<RawFrame> frames() {
        return frames;
    }
}
