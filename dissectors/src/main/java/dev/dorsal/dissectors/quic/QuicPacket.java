package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * What the frames of one decrypted QUIC packet share: the packet, its connection, direction and packet
 * number space, the Info column the frames append their names to, and the way to TLS.
 */
final class QuicPacket {
    private final PacketInfo pinfo;
    private final QuicConnection conn;
    private final boolean fromServer;
    private final int space;
    private final DissectorHandle tls;

    QuicPacket(PacketInfo pinfo, QuicConnection conn, boolean fromServer, int space, DissectorHandle tls) {
        this.pinfo = pinfo;
        this.conn = conn;
        this.fromServer = fromServer;
        this.space = space;
        this.tls = tls;
    }

    PacketInfo pinfo() {
        return pinfo;
    }

    long frame() {
        return pinfo.number();
    }

    /** Appends a frame's short name to Info after ", ". */
    void appendInfo(String name) {
        pinfo.columns().appendInfo(", " + name);
    }

    /** The CRYPTO stream of this direction and space, or null without a connection. */
    QuicCryptoStream cryptoStream() {
        return conn == null ? null : conn.crypto(fromServer, space);
    }

    /**
     * Hands CRYPTO data to TLS under the CRYPTO frame {@code frame}; {@code atStart} when it begins the
     * stream (where the hellos are).
     */
    void handshake(ProtoItem frame, Tvb messages, boolean atStart) {
        if (atStart) {
            noteHellos(messages);
        }
        if (tls != null) {
            pinfo.call(tls, messages, frame);
        }
    }

    /** Remembers the cipher suites the hellos name: decryption contexts depend on them. */
    private void noteHellos(Tvb m) {
        int at = 0;
        while (m.has(at, 4)) {
            int type = m.u8(at);
            int length = m.u24(at + 1);
            int body = at + 4;
            int sessionIdAt = body + 2 + 32;
            if ((type == 1 || type == 2) && m.has(sessionIdAt, 1)) {
                int suiteAt = sessionIdAt + 1 + m.u8(sessionIdAt);
                if (type == 2 && m.has(suiteAt, 2)) {
                    conn.serverSuite = m.u16(suiteAt);
                } else if (type == 1 && m.has(suiteAt, 4) && m.u16(suiteAt) >= 2) {
                    conn.clientFirstSuite = m.u16(suiteAt + 2);
                }
                if (type == 1 && m.has(body + 2, 32)) {
                    conn.clientRandom = m.bytes(body + 2, 32);
                }
            }
            at = body + length;
        }
    }
}
