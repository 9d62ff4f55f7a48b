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
    /** The ClientHello's random, which finds the connection's secrets in a key log; null until seen. */
    byte[] clientRandom;

    /** Keys from the key log per direction: [0] Handshake, [1] 1-RTT, [2] 0-RTT (client only). */
    private final QuicCrypto.Keys[][] secretKeys = new QuicCrypto.Keys[2][3];

    /** Key log labels of the secrets per space and direction (client, server). */
    private static final String[][] LABELS = {
        {"CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET"},
        {"CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"},
        {"CLIENT_EARLY_TRAFFIC_SECRET", null}};
    static final int KEYS_HANDSHAKE = 0;
    static final int KEYS_ONE_RTT = 1;
    static final int KEYS_ZERO_RTT = 2;

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

    /**
     * The keys of {@code which} ({@link #KEYS_HANDSHAKE}…) for the sender's direction, from the key log
     * through {@code lookup} (label to secret), or null when the secret, the random or a supported
     * cipher suite is missing.
     */
    QuicCrypto.Keys secretKeys(boolean fromServer, int which, java.util.function.BiFunction<byte[], String, byte[]> lookup) {
        int dir = fromServer ? 1 : 0;
        if (secretKeys[dir][which] != null) {
            return secretKeys[dir][which];
        }
        String label = LABELS[which][dir];
        int suite = which == KEYS_ZERO_RTT ? clientFirstSuite : serverSuite;
        if (label == null || clientRandom == null || suite < 0) {
            return null;
        }
        byte[] secret = lookup.apply(clientRandom, label);
        if (secret == null) {
            return null;
        }
        secretKeys[dir][which] = QuicCrypto.fromSecret(version, secret, suite);
        return secretKeys[dir][which];
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
