package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Tvb;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The keys of a TLS 1.0 to 1.2 session: finds its master secret and expands it into the two sides'
 * record keys (RFC 5246, sections 6.3 and 8.1).
 *
 * <pre>
 * master_secret = key log CLIENT_RANDOM line
 *              |  the master secret of the session a ticket or session id resumes
 *              |  PRF(premaster, "master secret", client_random + server_random)       (RSA / PMS_CLIENT_RANDOM lines)
 *              |  PRF(premaster, "extended master secret", Hash(handshake messages))  (RFC 7627)
 * key_block = PRF(master_secret, "key expansion", server_random + client_random)
 *           = client MAC key | server MAC key | client key | server key | client IV | server IV
 * </pre>
 *
 * The extended master secret hashes the handshake messages up to the ClientKeyExchange, so they are
 * kept (at most {@link #MAX_TRANSCRIPT} bytes) while the handshake runs.
 */
final class Tls12Keys {
    /** Most handshake bytes kept for the extended master secret's session hash. */
    static final int MAX_TRANSCRIPT = 1 << 20;
    private static final int MASTER_SECRET_LENGTH = 48;

    /** RSA-encrypted premaster secret of the ClientKeyExchange, for {@code RSA} key log lines. */
    private byte[] encryptedPremaster;
    /** Handshake messages until the ClientKeyExchange (null once hashed, or when too long). */
    private ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private byte[] sessionHash;
    private byte[] masterSecret;

    /** A new handshake starts (a ClientHello): forget the previous one's secrets. */
    void reset() {
        encryptedPremaster = null;
        transcript = new ByteArrayOutputStream();
        sessionHash = null;
        masterSecret = null;
    }

    /** After the ServerHello: the transcript is only needed when the extended master secret was negotiated. */
    void serverHello(TlsSession session) {
        if (session.version == TlsSession.TLS13
                || !(session.clientExtendedMasterSecret && session.serverExtendedMasterSecret)) {
            transcript = null;
        }
    }

    byte[] masterSecret() {
        return masterSecret;
    }

    void encryptedPremaster(byte[] epms) {
        encryptedPremaster = epms;
    }

    /** Keeps a complete handshake message; the ClientKeyExchange ends the transcript and fixes its hash. */
    void handshakeMessage(TlsSession session, Tvb tvb, int offset, int length, int type) {
        if (transcript == null || !tvb.has(offset, length)) {
            return;
        }
        if (transcript.size() + length > MAX_TRANSCRIPT) {
            transcript = null;
            return;
        }
        transcript.write(tvb.backingArray(), tvb.start() + offset, length);
        if (type == TlsHandshakeDissector.CLIENT_KEY_EXCHANGE) {
            sessionHash = hash(session, transcript.toByteArray());
            transcript = null;
        }
    }

    /** TLS 1.2 hashes with the suite's PRF hash, TLS 1.0 and 1.1 with MD5 and SHA-1 side by side. */
    private static byte[] hash(TlsSession session, byte[] data) {
        try {
            if (session.version == TlsSession.TLS12) {
                TlsCipherSpec spec = TlsCipherSpec.of(session.cipherSuite);
                return MessageDigest.getInstance(spec == null ? "SHA-256" : spec.hash()).digest(data);
            }
            return TlsPrf.concat(MessageDigest.getInstance("MD5").digest(data),
                    MessageDigest.getInstance("SHA-1").digest(data));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Finds the master secret, in tshark's order of sources: the client random, the ticket or session
     * id of an earlier session, a premaster secret; remembers it under this session's id and ticket.
     * Returns null when the key log has nothing for the session.
     */
    byte[] findMasterSecret(TlsSession session, TlsCipherSpec spec, TlsSecrets secrets) {
        byte[] ms = secrets.find(TlsKeyLog.Label.CLIENT_RANDOM, session.clientRandom);
        if (ms == null) {
            ms = secrets.byTicket(session.sessionTicket);
        }
        if (ms == null && session.sessionId != null && session.sessionId.length > 0) {
            ms = secrets.find(TlsKeyLog.Label.SESSION_ID, session.sessionId);
        }
        if (ms == null) {
            byte[] pms = secrets.find(TlsKeyLog.Label.PMS_CLIENT_RANDOM, session.clientRandom);
            if (pms == null && encryptedPremaster != null && encryptedPremaster.length >= 8) {
                pms = secrets.find(TlsKeyLog.Label.RSA, Arrays.copyOf(encryptedPremaster, 8));
            }
            if (pms != null) {
                ms = fromPremaster(session, spec, pms);
            }
        }
        masterSecret = ms;
        if (ms != null) {
            secrets.rememberSession(session.sessionId, session.sessionTicket, ms);
        }
        return ms;
    }

    /** RFC 5246 section 8.1, or RFC 7627 section 4 when both hellos asked for the extended master secret. */
    private byte[] fromPremaster(TlsSession session, TlsCipherSpec spec, byte[] pms) {
        String prf = session.version == TlsSession.TLS12 ? spec.prfHmac() : null;
        try {
            if (session.clientExtendedMasterSecret && session.serverExtendedMasterSecret) {
                return sessionHash == null ? null
                        : TlsPrf.prf(prf, pms, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
            }
            return TlsPrf.prf(prf, pms, "master secret", TlsPrf.concat(session.clientRandom, session.serverRandom),
                    MASTER_SECRET_LENGTH);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Both sides' decoders from the key block: {client, server}. */
    static TlsDecoder[] expand(TlsSession session, TlsCipherSpec spec, byte[] masterSecret)
            throws GeneralSecurityException {
        String prf = session.version == TlsSession.TLS12 ? spec.prfHmac() : null;
        int macLength = spec.aead() ? 0 : spec.macLength();
        int ivLength = spec.fixedIvLength();
        int total = 2 * (macLength + spec.keyLength() + ivLength);
        byte[] block = TlsPrf.prf(prf, masterSecret, "key expansion",
                TlsPrf.concat(session.serverRandom, session.clientRandom), total);
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(block, at, at += macLength);
        byte[] serverMac = Arrays.copyOfRange(block, at, at += macLength);
        byte[] clientKey = Arrays.copyOfRange(block, at, at += spec.keyLength());
        byte[] serverKey = Arrays.copyOfRange(block, at, at += spec.keyLength());
        byte[] clientIv = Arrays.copyOfRange(block, at, at += ivLength);
        byte[] serverIv = Arrays.copyOfRange(block, at, at + ivLength);
        return new TlsDecoder[] {
            TlsDecoder.tls12(spec, clientMac, clientKey, clientIv, session.encryptThenMac),
            TlsDecoder.tls12(spec, serverMac, serverKey, serverIv, session.encryptThenMac)
        };
    }
}
