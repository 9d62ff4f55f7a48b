package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;

/**
 * TLS as QUIC uses it (RFC 9001): the {@code tls13-handshake} handle QUIC calls with whole handshake
 * messages from its CRYPTO frames, and the TLS names QUIC's own fields show.
 */
public final class TlsQuic {
    private TlsQuic() {}

    /** TLS alert descriptions, which QUIC's CRYPTO_ERROR codes carry in their low byte. */
    public static final ValueString ALERT_DESCRIPTIONS = TlsValues.ALERT_DESCRIPTIONS;

    /**
     * The TLS 1.3 secret {@code label} (a key log label such as {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET})
     * of the handshake whose ClientHello had {@code clientRandom}, from the key log or the capture's
     * decryption secrets; null when unknown.
     */
    public static byte[] secret(PacketInfo pinfo, byte[] clientRandom, String label) {
        TlsSecrets s = TlsSecrets.of(pinfo);
        return s.configured() ? s.find(TlsKeyLog.Label.valueOf(label), clientRandom) : null;
    }

    /**
     * Dissects handshake data without a record layer: a "TLSv1.3 Record Layer" node names the messages
     * as tshark does, they go under it (a message split over CRYPTO frames is joined as one split over
     * records is), and Info is left to QUIC.
     */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        TlsSession session = TlsSessions.of(pinfo).find(pinfo, true);
        session.version = TlsSession.TLS13;
        boolean fromServer = session.fromServer(pinfo.netSrc(), pinfo.srcPort());
        TlsContext ctx = new TlsContext(pinfo, session, fromServer, tree.tree(), false);
        ctx.decryptedRecord = true; // CRYPTO data is plain: never guess it is an encrypted message
        ProtoItem tls = tree.addProtocol(TlsRecordDissector.PROTO, tvb, 0, tvb.length());
        TlsHandshakeDissector.dissect(ctx, tls, tvb, 0, tvb.length(), TlsSession.TLS13);
        return tvb.length();
    }
}
