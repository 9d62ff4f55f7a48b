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
 *   <li>TLS 1.0 to 1.2: at a side's ChangeCipherSpec the master secret is found and the key block
 *       expanded ({@link Tls12Keys}), and that side's records are decrypted from then on;</li>
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

    private static final HexFormat HEX = HexFormat.of();

    /** A decrypted record: its (inner) content type and plaintext. */
    record Plain(int type, byte[] data) {}

    private final TlsSecrets secrets;
    private TlsDecoder client;
    private TlsDecoder server;
    private TlsDecoder pendingClient;
    private TlsDecoder pendingServer;
    /** Early data decoder while the client may still send 0-RTT data. */
    private TlsDecoder early;
    /** TLS 1.0 to 1.2: master secret and key block; derived at the first ChangeCipherSpec. */
    private final Tls12Keys keys12 = new Tls12Keys();
    private boolean derived;
    /** Why a side cannot be decrypted (null while nothing is missing), and whether it was said. */
    private final String[] missing = new String[2];
    private final ExpertDef[] missingKind = new ExpertDef[2];
    private final boolean[] told = new boolean[2];
    private final boolean[] failureTold = new boolean[2];
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
        d.pendingClient = null;
        d.pendingServer = null;
        d.keys12.reset();
        d.early = null;
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

    /**
     * A ServerHello (not a HelloRetryRequest): in TLS 1.3 both sides move to the handshake traffic
     * secrets; before, it says whether the handshake must be kept for the extended master secret.
     */
    static void serverHello(TlsContext ctx, boolean hrr) {
        TlsDecryption d = of(ctx);
        TlsSession session = ctx.session;
        if (d == null || hrr) {
            return;
        }
        d.keys12.serverHello(session);
        if (session.version != TlsSession.TLS13) {
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
        if (d != null && d.keys12.masterSecret() != null) {
            d.secrets.rememberSession(null, ticket, d.keys12.masterSecret());
        }
    }

    /** An RSA ClientKeyExchange: its encrypted premaster secret names {@code RSA} key log lines. */
    static void encryptedPremaster(TlsContext ctx, byte[] epms) {
        TlsDecryption d = ctx.session.decryption;
        if (d != null) {
            d.keys12.encryptedPremaster(epms);
        }
    }

    /**
     * A complete handshake message (TLS 1.0 to 1.2): kept until the ClientKeyExchange, whose end fixes
     * the session hash of the extended master secret (RFC 7627).
     */
    static void handshakeMessage(TlsContext ctx, Tvb tvb, int offset, int length, int type) {
        TlsDecryption d = ctx.session.decryption;
        if (d != null && ctx.session.version != TlsSession.TLS13 && type != TlsHandshakeDissector.HELLO_REQUEST) {
            d.keys12.handshakeMessage(ctx.session, tvb, offset, length, type);
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
        byte[] masterSecret = keys12.findMasterSecret(session, spec, secrets);
        if (masterSecret == null) {
            setMissingBoth(NO_SECRET, "no CLIENT_RANDOM for Client Random " + shortHex(session.clientRandom) + " in "
                    + secrets.sources());
            return;
        }
        try {
            TlsDecoder[] decoders = Tls12Keys.expand(session, spec, masterSecret);
            pendingClient = decoders[0];
            pendingServer = decoders[1];
        } catch (GeneralSecurityException e) {
            setMissingBoth(UNSUPPORTED, "key expansion failed: " + e.getMessage());
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
            if (d.missing[side] == null && session.clientRandom == null && type == TlsRecordDissector.CT_APPLICATION_DATA) {
                // The capture began after the handshake: secrets are found by the ClientHello's random.
                d.setMissing(server, NO_SECRET, "the session's handshake is not in the capture");
                shouldBeEncrypted = true;
            }
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
