package dev.dorsal.dissectors.quic;

import dev.dorsal.engine.spi.Address;

/**
 * What one QUIC connection has revealed: its number, which endpoint is the client, the client's first
 * Destination Connection ID (which keys the Initial packets and checks Retry tags), each side's
 * connection ID, the TLS cipher suites from the hellos, the largest packet number per space and
 * direction, and the CRYPTO streams being reassembled.
 */
final class QuicConnection {
    static final int SPACE_INITIAL = 0;
    static final int SPACE_HANDSHAKE = 1;
    static final int SPACE_APPLICATION = 2;

    final int number;
    final Address clientAddress;
    final int clientPort;
    /** The version of the first packet: tshark keys the Initial packets by it for the whole connection. */
    final long version;
    final byte[] originalDcid;
    /** The DCID the Initial keys derive from: the first one, or the SCID of a Retry. */
    private byte[] initialDcid;
    /** Connection IDs each side chose (the SCID of its long headers), null until seen. */
    byte[] clientCid;
    byte[] serverCid;
    /** The cipher suite the ServerHello chose and the first one the ClientHello offered, or -1. */
    int serverSuite = -1;
    int clientFirstSuite = -1;
    /** Whether decrypting a short header was attempted (tshark reports its failure only once). */
    boolean oneRttAttempted;

    private final QuicCrypto.Keys[] initialKeys = new QuicCrypto.Keys[2];
    private final long[][] largestPn = {{-1, -1, -1}, {-1, -1, -1}};
    private final QuicCryptoStream[][] crypto = new QuicCryptoStream[2][3];

    QuicConnection(int number, Address clientAddress, int clientPort, long version, byte[] originalDcid) {
        this.number = number;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.version = version;
        this.originalDcid = originalDcid;
        this.initialDcid = originalDcid;
    }

    boolean fromServer(Address src, int srcPort) {
        return !(srcPort == clientPort && src.equals(clientAddress));
    }

    /**
     * The Initial keys of the sender's direction, derived once from the first DCID (or the one a Retry
     * chose) and the first packet's version.
     */
    QuicCrypto.Keys initialKeys(boolean fromServer) {
        int i = fromServer ? 1 : 0;
        if (initialKeys[i] == null) {
            initialKeys[i] = QuicCrypto.initial(version, initialDcid, fromServer);
        }
        return initialKeys[i];
    }

    /** A Retry from the server: later Initial packets are keyed by the connection ID it chose. */
    void retried(byte[] retryScid) {
        initialDcid = retryScid;
        initialKeys[0] = null;
        initialKeys[1] = null;
    }

    /** The full packet number for a truncated one (RFC 9000 appendix A.3). */
    long decodePn(boolean fromServer, int space, long truncated, int pnBits) {
        long largest = largestPn[fromServer ? 1 : 0][space];
        long expected = largest + 1;
        long window = 1L << pnBits;
        long half = window / 2;
        long candidate = (expected & ~(window - 1)) | truncated;
        if (candidate <= expected - half && candidate < (1L << 62) - window) {
            return candidate + window;
        }
        if (candidate > expected + half && candidate >= window) {
            return candidate - window;
        }
        return candidate;
    }

    void packetDecrypted(boolean fromServer, int space, long pn) {
        long[] l = largestPn[fromServer ? 1 : 0];
        l[space] = Math.max(l[space], pn);
    }

    QuicCryptoStream crypto(boolean fromServer, int space) {
        QuicCryptoStream[] s = crypto[fromServer ? 1 : 0];
        if (s[space] == null) {
            s[space] = new QuicCryptoStream();
        }
        return s[space];
    }
}
