package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Address;

/**
 * Holds what one TLS conversation (one TCP connection) has revealed so far: the negotiated version,
 * which side is the server, per-direction record state, and the handshake facts decryption and the
 * {@code tls,flow} ladder need later (randoms, cipher suite, session id and ticket, extensions).
 *
 * <p>Mutable and confined to the single-pass dissection thread; one instance per conversation, kept
 * by {@link TlsSessions}.
 */
final class TlsSession {
    /** Version not known yet (Wireshark's SSL_VER_UNKNOWN). */
    static final int VERSION_UNKNOWN = 0;
    static final int SSLV2 = 0x0002;
    static final int SSLV3 = 0x0300;
    static final int TLS10 = 0x0301;
    static final int TLS11 = 0x0302;
    static final int TLS12 = 0x0303;
    static final int TLS13 = 0x0304;

    /** Which session of the capture this is (1 for the first): the key of what a first pass learns of it. */
    long id;
    /** Negotiated (or record-derived) version, {@link #VERSION_UNKNOWN} until an authoritative record. */
    int version = VERSION_UNKNOWN;
    /** TLS 1.3 draft number from a 0x7fXX ServerHello version, 0 otherwise. */
    int tls13Draft;

    /** Server endpoint, known once a ClientHello (destination) or ServerHello (source) was seen. */
    Address serverAddress;
    int serverPort = -1;

    /** First ChangeCipherSpec frame per direction (0 = none yet): later handshake records are encrypted. */
    long clientCcsFrame;
    long serverCcsFrame;

    /** Handshake messages being reassembled across records, per direction (null = none). */
    TlsHandshakeReassembly clientHs;
    TlsHandshakeReassembly serverHs;

    /** Set by a ServerHello, cleared by ServerHelloDone and after the server's CCS (Wireshark's heuristic). */
    boolean resumed;

    /** Name of the application protocol chosen by ALPN in the ServerHello, or null. */
    String alpnProtocolName;

    /** The ALPN protocol id the server chose ("h2", "http/1.1"), or null. */
    String alpnChosen;

    /** The first TLS 1.3 cipher suite the client offered (the guess for early data), -1 for none. */
    int firstTls13Suite = -1;

    /** Keys and decrypted-data state, when the capture has a source of secrets (else null). */
    TlsDecryption decryption;

    /** Where decrypted application data goes once chosen (ALPN or port), or null. */
    dev.dorsal.engine.spi.DissectorHandle appHandle;

    /** Whether the TCP heuristic claimed this conversation (later segments then belong to TLS too). */
    boolean claimedByHeuristic;

    // ---- handshake facts decryption and the flow ladder need ----
    byte[] clientRandom;
    byte[] serverRandom;
    int cipherSuite = -1;
    int compressionMethod = -1;
    byte[] sessionId;
    byte[] sessionTicket;
    boolean clientExtendedMasterSecret;
    boolean serverExtendedMasterSecret;
    boolean encryptThenMac;

    /** The handshake as the ladder shows it. */
    final TlsFlow.Session flow = new TlsFlow.Session();

    TlsHandshakeReassembly reassembly(boolean fromServer) {
        return fromServer ? serverHs : clientHs;
    }

    void setReassembly(boolean fromServer, TlsHandshakeReassembly r) {
        if (fromServer) {
            serverHs = r;
        } else {
            clientHs = r;
        }
    }

    long ccsFrame(boolean fromServer) {
        return fromServer ? serverCcsFrame : clientCcsFrame;
    }

    /** Records the first CCS of a direction, as Wireshark remembers it for its encryption heuristic. */
    void noteCcs(boolean fromServer, long frame) {
        if (fromServer) {
            if (serverCcsFrame == 0) {
                serverCcsFrame = frame;
            }
        } else if (clientCcsFrame == 0) {
            clientCcsFrame = frame;
        }
    }

    /**
     * Whether a packet comes from the server: by the recorded server endpoint, else (no hello seen) when
     * its source port carries an application protocol over TLS, as Wireshark decides.
     */
    boolean fromServer(Address src, int srcPort) {
        if (serverAddress != null) {
            return serverPort == srcPort && serverAddress.equals(src);
        }
        return TlsAppProtocols.byPort(srcPort) != null;
    }

    /** Records the server endpoint: the destination of a ClientHello, or the source of a ServerHello. */
    void setServer(dev.dorsal.engine.spi.PacketInfo pinfo, boolean serverIsDestination) {
        if (serverIsDestination) {
            serverAddress = pinfo.netDst();
            serverPort = pinfo.dstPort();
            flow.setEndpoints(TlsSessions.endpoint(pinfo.netSrc(), pinfo.srcPort()), TlsSessions.endpoint(serverAddress, serverPort));
        } else {
            serverAddress = pinfo.netSrc();
            serverPort = pinfo.srcPort();
            flow.setEndpoints(TlsSessions.endpoint(pinfo.netDst(), pinfo.dstPort()), TlsSessions.endpoint(serverAddress, serverPort));
        }
    }
}
