package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps the decryption state of one TLS session and changes keys when the handshake says so, as
 * tshark does:
 *
 * <ul>
 *   <li>TLS 1.0 to 1.2: at a side's ChangeCipherSpec the master secret is found (key log
 *       {@code CLIENT_RANDOM}; the session ticket or id of an earlier session, for resumption; or a
 *       premaster secret from {@code RSA}/{@code PMS_CLIENT_RANDOM} lines, with the extended master
 *       secret when negotiated), the key block is expanded by the PRF and that side's records are
 *       decrypted from then on;</li>
 *   <li>TLS 1.3: the ServerHello switches both sides to the handshake traffic secrets, each side's
 *       Finished to its application traffic secret, a KeyUpdate to the next secret; a ClientHello
 *       offering early data tries {@code CLIENT_EARLY_TRAFFIC_SECRET} first.</li>
 * </ul>
 *
 * When a secret is missing, or a record does not decrypt, the records stay as they are without
 * keys and the first record affected in each direction gets a note saying why.
 */
final class TlsDecryption {
    static final ExpertDef NO_SECRET = new ExpertDef("tls.decryption.no_secret",
            "No decryption secret for this session", ExpertDef.Group.DECRYPTION, ExpertDef.Severity.NOTE);
    static final ExpertDef FAILED = new ExpertDef("tls.decryption.failed",
            "Record did not decrypt with the secret found", ExpertDef.Group.DECRYPTION, ExpertDef.Severity.WARN);
    static final ExpertDef UNSUPPORTED = new ExpertDef("tls.decryption.unsupported",
            "Session cannot be decrypted", ExpertDef.Group.DECRYPTION, ExpertDef.Severity.NOTE);
    static final List<ExpertDef> EXPERTS = List.of(NO_SECRET, FAILED, UNSUPPORTED);

    /** Most handshake bytes kept for the extended master secret's session hash. */
    static final int MAX_TRANSCRIPT = 1 << 20;

    private static final HexFormat HEX = HexFormat.of();
    private static final int MASTER_SECRET_LENGTH = 48;

    /** A decrypted record: its (inner) content type and plaintext. */
    record Plain(int type, byte[] data) {}

    private final TlsSecrets secrets;
    private TlsDecoder client;
    private TlsDecoder server;
    private TlsDecoder pendingClient;
    private TlsDecoder pendingServer;
    /** Early data decoder while the client may still send 0-RTT data. */
    private TlsDecoder early;
    private byte[] masterSecret;
    private boolean derived;
    /** Why a side cannot be decrypted (null while nothing is missing), and whether it was said. */
    private final String[] missing = new String[2];
    private final ExpertDef[] missingKind = new ExpertDef[2];
    private final boolean[] told = new boolean[2];
    private final boolean[] failureTold = new boolean[2];
    /** RSA-encrypted premaster secret of the ClientKeyExchange, for {@code RSA} key log lines. */
    private byte[] encryptedPremaster;
    /** Handshake messages up to the ClientKeyExchange, for the extended master secret (null when not kept). */
    private java.io.ByteArrayOutputStream transcript = new java.io.ByteArrayOutputStream();
    private byte[] sessionHash;
    /** Decrypted application data per direction: sequence numbers and reassembly for the protocol above. */
    final TlsAppFlow clientFlow = new TlsAppFlow();
    final TlsAppFlow serverFlow = new TlsAppFlow();

    private TlsDecryption(TlsSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * The session's decryption state, created when the capture has a source of secrets, else null;
     * takes in secrets that arrived since the last packet.
     */
    static TlsDecryption of(TlsContext ctx) {
        TlsSession session = ctx.session;
        TlsSecrets s = TlsSecrets.of(ctx.pinfo);
        if (session.decryption == null && s.configured()) {
            session.decryption = new TlsDecryption(s);
        }
        return session.decryption;
    }

    TlsAppFlow flow(boolean fromServer) {
        return fromServer ? serverFlow : clientFlow;
    }

    // ---- handshake events ------------------------------------------------------------------------

    /** A ClientHello: a new handshake (renegotiation drops the old keys' successors), maybe with early data. */
    static void clientHello(TlsContext ctx, boolean earlyData) {
        TlsDecryption d = of(ctx);
        if (d == null) {
            return;
        }
        d.derived = false;
        d.masterSecret = null;
        d.pendingClient = null;
        d.pendingServer = null;
        d.sessionHash = null;
        d.encryptedPremaster = null;
        if (d.transcript == null || d.transcript.size() > 0) {
            d.transcript = new java.io.ByteArrayOutputStream();
        }
        if (earlyData) {
            byte[] secret = d.secrets.find(TlsKeyLog.Label.CLIENT_EARLY_TRAFFIC_SECRET, ctx.session.clientRandom);
            TlsCipherSpec spec = earlySpec(ctx.session);
            if (secret != null && spec != null) {
                try {
                    d.early = TlsDecoder.tls13(spec, secret);
                } catch (GeneralSecurityException e) {
                    d.early = null;
                }
            }
        }
    }

    /**
     * The cipher suite of early data is the one of the resumed session, which the ClientHello does
     * not say; the first offered TLS 1.3 suite is taken (clients offer it first in practice).
     */
    private static TlsCipherSpec earlySpec(TlsSession session) {
        return session.firstTls13Suite < 0 ? null : TlsCipherSpec.of(session.firstTls13Suite);
    }

    /** A TLS 1.3 ServerHello (not a HelloRetryRequest): both sides move to the handshake traffic secrets. */
    static void serverHello(TlsContext ctx, boolean hrr) {
        TlsDecryption d = of(ctx);
        TlsSession session = ctx.session;
        if (d == null || hrr || session.version != TlsSession.TLS13) {
            return;
        }
        d.server = d.tls13(session, TlsKeyLog.Label.SERVER_HANDSHAKE_TRAFFIC_SECRET, true);
        if (d.early == null) {
            d.client = d.tls13(session, TlsKeyLog.Label.CLIENT_HANDSHAKE_TRAFFIC_SECRET, false);
        }
    }

    /** A Finished: in TLS 1.3 the sender moves to its application traffic secret. */
    static void finished(TlsContext ctx) {
        TlsDecryption d = ctx.session.decryption;
        if (d == null || ctx.session.version != TlsSession.TLS13) {
            return;
        }
        if (ctx.fromServer) {
            d.server = d.tls13(ctx.session, TlsKeyLog.Label.SERVER_TRAFFIC_SECRET_0, true);
        } else {
            d.client = d.tls13(ctx.session, TlsKeyLog.Label.CLIENT_TRAFFIC_SECRET_0, false);
        }
    }

    /** EndOfEarlyData: the client's early data is over, its handshake keys follow. */
    static void endOfEarlyData(TlsContext ctx) {
        TlsDecryption d = ctx.session.decryption;
        if (d != null && !ctx.fromServer) {
            d.endEarlyData(ctx.session);
        }
    }

    private void endEarlyData(TlsSession session) {
        early = null;
        if (session.serverRandom != null) {
            client = tls13(session, TlsKeyLog.Label.CLIENT_HANDSHAKE_TRAFFIC_SECRET, false);
        }
    }

    /** A TLS 1.3 KeyUpdate: the sender's next records use the next traffic secret. */
    static void keyUpdate(TlsContext ctx) {
        TlsDecryption d = ctx.session.decryption;
        if (d == null || ctx.session.version != TlsSession.TLS13) {
            return;
        }
        try {
            if (ctx.fromServer && d.server != null) {
                d.server = d.server.updated();
            } else if (!ctx.fromServer && d.client != null) {
                d.client = d.client.updated();
            }
        } catch (GeneralSecurityException e) {
            d.setMissing(ctx.fromServer, UNSUPPORTED, "the KeyUpdate could not be applied: " + e.getMessage());
        }
    }

    /** A TLS 1.2 NewSessionTicket: a later session resuming with the ticket uses this one's master secret. */
    static void newSessionTicket(TlsContext ctx, byte[] ticket) {
        TlsDecryption d = ctx.session.decryption;
        if (d != null && d.masterSecret != null) {
            d.secrets.rememberSession(null, ticket, d.masterSecret);
        }
    }

    /** An RSA ClientKeyExchange: its encrypted premaster secret names {@code RSA} key log lines. */
    static void encryptedPremaster(TlsContext ctx, byte[] epms) {
        TlsDecryption d = ctx.session.decryption;
        if (d != null) {
            d.encryptedPremaster = epms;
        }
    }

    /**
     * A complete handshake message (TLS 1.0 to 1.2): kept until the ClientKeyExchange, whose end fixes
     * the session hash of the extended master secret (RFC 7627).
     */
    static void handshakeMessage(TlsContext ctx, Tvb tvb, int offset, int length, int type) {
        TlsDecryption d = ctx.session.decryption;
        if (d == null || d.transcript == null || ctx.session.version == TlsSession.TLS13
                || type == TlsHandshakeDissector.HELLO_REQUEST || !tvb.has(offset, length)) {
            return;
        }
        if (d.transcript.size() + length > MAX_TRANSCRIPT) {
            d.transcript = null;
            return;
        }
        d.transcript.write(tvb.backingArray(), tvb.start() + offset, length);
        if (type == TlsHandshakeDissector.CLIENT_KEY_EXCHANGE) {
            d.sessionHash = d.hashTranscript(ctx.session);
            d.transcript = null;
        }
    }

    private byte[] hashTranscript(TlsSession session) {
        try {
            byte[] data = transcript.toByteArray();
            if (session.version == TlsSession.TLS12) {
                TlsCipherSpec spec = TlsCipherSpec.of(session.cipherSuite);
                String hash = spec == null ? "SHA-256" : spec.hash();
                return java.security.MessageDigest.getInstance(hash).digest(data);
            }
            return TlsPrf.concat(java.security.MessageDigest.getInstance("MD5").digest(data),
                    java.security.MessageDigest.getInstance("SHA-1").digest(data));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * A ChangeCipherSpec (TLS 1.0 to 1.2): the keys are derived if they were not, and the sender's
     * following records are decrypted with them.
     */
    static void changeCipherSpec(TlsContext ctx) {
        TlsDecryption d = of(ctx);
        if (d == null) {
            return;
        }
        if (!d.derived) {
            d.derived = true;
            d.derive(ctx.session);
        }
        if (ctx.fromServer) {
            d.server = d.pendingServer;
        } else {
            d.client = d.pendingClient;
        }
    }

    /** Finds the master secret and expands the key block into both sides' pending decoders. */
    private void derive(TlsSession session) {
        if (session.clientRandom == null || session.serverRandom == null) {
            setMissingBoth(NO_SECRET, "the session's handshake (ClientHello and ServerHello) is not in the capture");
            return;
        }
        if (session.version == TlsSession.SSLV3) {
            setMissingBoth(UNSUPPORTED, "SSL 3.0 sessions are not decrypted");
            return;
        }
        TlsCipherSpec spec = TlsCipherSpec.of(session.cipherSuite);
        if (spec == null) {
            setMissingBoth(UNSUPPORTED, TlsCipherSpec.unsupportedReason(session.cipherSuite));
            return;
        }
        if (session.compressionMethod > 0) {
            setMissingBoth(UNSUPPORTED, "compressed sessions (compression method " + session.compressionMethod
                    + ") are not decrypted");
            return;
        }
        masterSecret = findMasterSecret(session, spec);
        if (masterSecret == null) {
            setMissingBoth(NO_SECRET, "no CLIENT_RANDOM for Client Random " + shortHex(session.clientRandom) + " in "
                    + secrets.sources());
            return;
        }
        secrets.rememberSession(session.sessionId, session.sessionTicket, masterSecret);
        try {
            String prf = session.version == TlsSession.TLS12 ? spec.prfHmac() : null;
            int macLength = spec.aead() ? 0 : spec.macLength();
            int ivLength = spec.fixedIvLength();
            int total = 2 * (macLength + spec.keyLength() + ivLength);
            byte[] block = TlsPrf.prf(prf, masterSecret, "key expansion",
                    TlsPrf.concat(session.serverRandom, session.clientRandom), total);
            int at = 0;
            byte[] clientMac = java.util.Arrays.copyOfRange(block, at, at += macLength);
            byte[] serverMac = java.util.Arrays.copyOfRange(block, at, at += macLength);
            byte[] clientKey = java.util.Arrays.copyOfRange(block, at, at += spec.keyLength());
            byte[] serverKey = java.util.Arrays.copyOfRange(block, at, at += spec.keyLength());
            byte[] clientIv = java.util.Arrays.copyOfRange(block, at, at += ivLength);
            byte[] serverIv = java.util.Arrays.copyOfRange(block, at, at + ivLength);
            pendingClient = TlsDecoder.tls12(spec, clientMac, clientKey, clientIv, session.encryptThenMac);
            pendingServer = TlsDecoder.tls12(spec, serverMac, serverKey, serverIv, session.encryptThenMac);
        } catch (GeneralSecurityException e) {
            setMissingBoth(UNSUPPORTED, "key expansion failed: " + e.getMessage());
        }
    }

    /**
     * The master secret, in tshark's order of sources: the client random, the ticket or session id of
     * an earlier session, a premaster secret from the key log.
     */
    private byte[] findMasterSecret(TlsSession session, TlsCipherSpec spec) {
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
                pms = secrets.find(TlsKeyLog.Label.RSA, java.util.Arrays.copyOf(encryptedPremaster, 8));
            }
            if (pms != null) {
                ms = fromPremaster(session, spec, pms);
            }
        }
        return ms;
    }

    /** RFC 5246 section 8.1, or RFC 7627 section 4 when both hellos asked for the extended master secret. */
    private byte[] fromPremaster(TlsSession session, TlsCipherSpec spec, byte[] pms) {
        String prf = session.version == TlsSession.TLS12 ? spec.prfHmac() : null;
        try {
            if (session.clientExtendedMasterSecret && session.serverExtendedMasterSecret) {
                if (sessionHash == null) {
                    return null;
                }
                return TlsPrf.prf(prf, pms, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
            }
            return TlsPrf.prf(prf, pms, "master secret", TlsPrf.concat(session.clientRandom, session.serverRandom),
                    MASTER_SECRET_LENGTH);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** A TLS 1.3 decoder for a traffic secret from the key log, or null (the reason is kept for the note). */
    private TlsDecoder tls13(TlsSession session, TlsKeyLog.Label label, boolean server) {
        TlsCipherSpec spec = TlsCipherSpec.of(session.cipherSuite);
        if (spec == null) {
            setMissing(server, UNSUPPORTED, TlsCipherSpec.unsupportedReason(session.cipherSuite));
            return null;
        }
        if (session.clientRandom == null) {
            setMissing(server, NO_SECRET, "the session's ClientHello is not in the capture");
            return null;
        }
        byte[] secret = secrets.find(label, session.clientRandom);
        if (secret == null) {
            setMissing(server, NO_SECRET, "no " + label + " for Client Random " + shortHex(session.clientRandom)
                    + " in " + secrets.sources());
            return null;
        }
        try {
            TlsCipherSpec tls13 = new TlsCipherSpec(spec.cipher(), spec.mode(), spec.keyLength(), 12, 0,
                    spec.tagLength(), null, 0, spec.hash());
            missing[server ? 1 : 0] = null;
            return TlsDecoder.tls13(tls13, secret);
        } catch (GeneralSecurityException e) {
            setMissing(server, UNSUPPORTED, "key derivation failed: " + e.getMessage());
            return null;
        }
    }

    /** The first 8 bytes of a random in hex, enough to find its line in a key log. */
    private static String shortHex(byte[] b) {
        return HEX.formatHex(b, 0, Math.min(8, b.length)) + "\u2026";
    }

    private void setMissingBoth(ExpertDef kind, String why) {
        setMissing(false, kind, why);
        setMissing(true, kind, why);
    }

    private void setMissing(boolean server, ExpertDef kind, String why) {
        missing[server ? 1 : 0] = why;
        missingKind[server ? 1 : 0] = kind;
    }

    // ---- records ---------------------------------------------------------------------------------

    /**
     * Decrypts the record body at {@code offset}; returns its plaintext and (TLS 1.3: inner) content
     * type, or null when the record is in clear, cannot be decrypted or does not verify. A record that
     * should have been decrypted gets a note under {@code record} the first time per direction.
     */
    static Plain decrypt(TlsContext ctx, ProtoItem record, int type, int recordVersion, Tvb tvb, int offset,
            int length) {
        TlsDecryption d = ctx.session.decryption;
        TlsSession session = ctx.session;
        boolean tls13 = session.version == TlsSession.TLS13;
        if (d == null || length == 0 || (tls13 && type != TlsRecordDissector.CT_APPLICATION_DATA)) {
            return null;
        }
        boolean server = ctx.fromServer;
        int side = server ? 1 : 0;
        if (!tvb.has(offset, length)) {
            return null;
        }
        if (tls13 && !server && d.early != null) {
            byte[] plain = d.early.decrypt(type, recordVersion, tvb.bytes(offset, length), false);
            Plain p = plain == null ? null : inner(plain);
            if (p != null) {
                return p;
            }
            d.endEarlyData(session); // not early data (or no key for it): the handshake keys take over
        }
        TlsDecoder decoder = server ? d.server : d.client;
        if (decoder == null) {
            boolean shouldBeEncrypted = tls13 || session.ccsFrame(server) != 0;
            if (shouldBeEncrypted && d.missing[side] != null && !d.told[side]) {
                d.told[side] = true;
                record.expert(d.missingKind[side], (server ? "Server" : "Client") + " records not decrypted: "
                        + d.missing[side]);
            }
            return null;
        }
        byte[] plain = decoder.decrypt(type, recordVersion, tvb.bytes(offset, length),
                TlsPreferences.ignoreMacFailed(ctx.pinfo));
        if (plain == null) {
            if (!d.failureTold[side]) {
                d.failureTold[side] = true;
                record.expert(FAILED, (server ? "Server" : "Client") + " record did not decrypt (bad MAC or tag): "
                        + "the secret in " + d.secrets.sources() + " does not fit this session");
            }
            return null;
        }
        return tls13 ? inner(plain) : new Plain(type, plain);
    }

    /** TLS 1.3 inner plaintext: content, then the real content type, then zero padding (RFC 8446, 5.2). */
    private static Plain inner(byte[] plain) {
        int i = plain.length - 1;
        while (i >= 0 && plain[i] == 0) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        return new Plain(plain[i] & 0xff, java.util.Arrays.copyOf(plain, i));
    }
}
