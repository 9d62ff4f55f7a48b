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
     * Dissects handshake messages without a record layer: a "TLSv1.3 Record Layer" node names them as
     * tshark does, the messages go under it, and Info is left to QUIC.
     */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        TlsSession session = TlsSessions.of(pinfo).find(pinfo, true);
        session.version = TlsSession.TLS13;
        boolean fromServer = session.fromServer(pinfo.netSrc(), pinfo.srcPort());
        TlsContext ctx = new TlsContext(pinfo, session, fromServer, tree.tree(), false);
        ProtoItem tls = tree.addProtocol(TlsRecordDissector.PROTO, tvb, 0, tvb.length());
        TlsHandshakeDissector.messages(ctx, tls, tvb, TlsSession.TLS13);
        return tvb.length();
    }
}
