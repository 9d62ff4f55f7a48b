package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the TLS dissector (filter prefix {@code tls}) and the certificate protocols it shows
 * (x509af, x509if, x509sat, x509ce, pkcs-1, pkix1implicit, pkix1explicit, ber), binds it to the TCP
 * ports tshark 4.0.17 binds ({@link #TCP_PORTS}, see {@code tshark -G decodes}) and adds the
 * {@code tls_tcp} heuristic to the {@code tcp} list, which finds TLS on other ports.
 *
 * <p>Declares the tables {@code tls.port} and {@code tls.alpn} that application protocols join, and
 * the heuristic list {@code tls} (protocols recognised in decrypted application data), and the
 * preferences {@code tls.desegment_ssl_records}, {@code tls.desegment_ssl_application_data},
 * {@code tls.keylog_file} and {@code tls.ignore_ssl_mac_failed}.
 */
public final class TlsProvider implements DissectorProvider {
    /**
     * TCP ports bound to TLS in tshark 4.0.17. 989, 990, 992, 994 and 8443 are not among them: tshark
     * finds TLS there by its heuristic, and binding them would misread other protocols on those ports.
     */
    static final int[] TCP_PORTS = {324, 443, 465, 636, 802, 853, 993, 995, 1300, 2221, 2443, 3249, 3250, 3251,
        3252, 5061, 5671, 5684, 5868, 8883, 11207, 19999, 27017};

    private DissectorHandle handle;

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(TlsRecordDissector.PROTO);
        List<FieldDef> fields = new ArrayList<>();
        // tshark registers SSLv2's tls.handshake.type before TLS's: a quoted label in a filter
        // ("Certificate") is looked up in the first registration, a bare word in the last one.
        fields.add(TlsSsl2.MESSAGE_TYPE);
        fields.addAll(TlsRecordDissector.FIELDS);
        fields.addAll(TlsAlerts.FIELDS);
        fields.addAll(TlsHandshakeDissector.FIELDS);
        fields.addAll(TlsHellos.FIELDS);
        fields.addAll(TlsExtensions.FIELDS);
        fields.addAll(TlsKeyShares.FIELDS);
        fields.addAll(TlsKeyExchange.FIELDS);
        fields.addAll(TlsMessages.FIELDS);
        fields.addAll(TlsCertificates.FIELDS);
        fields.addAll(TlsSsl2.FIELDS);
        fields.addAll(TlsAppData.FIELDS);
        fields.addAll(TlsQuicParameters.FIELDS);
        r.fields(TlsRecordDissector.PROTO, fields);
        List<ExpertDef> experts = new ArrayList<>(TlsVectors.EXPERTS);
        experts.addAll(TlsRecordDissector.EXPERTS);
        experts.add(TlsCertificates.STATUS_REQUEST_UNDECODED);
        experts.add(TlsSsl2.SESSION_ID_LENGTH_ERROR);
        experts.addAll(TlsDecryption.EXPERTS);
        r.experts(TlsRecordDissector.PROTO, experts);

        r.protocol(TlsCertificates.OCSP);
        r.fields(TlsCertificates.OCSP, List.of(TlsCertificates.OCSP_RESPONSE_STATUS));
        r.protocol(X509Fields.X509AF);
        r.fields(X509Fields.X509AF, X509Fields.AF_FIELDS);
        r.protocol(X509Fields.X509IF);
        r.fields(X509Fields.X509IF, X509Fields.IF_FIELDS);
        r.protocol(X509Fields.X509SAT);
        r.fields(X509Fields.X509SAT, X509Fields.SAT_FIELDS);
        r.protocol(X509Fields.X509CE);
        r.fields(X509Fields.X509CE, X509Fields.CE_FIELDS);
        r.protocol(X509Fields.PKCS1);
        r.fields(X509Fields.PKCS1, X509Fields.PKCS1_FIELDS);
        r.protocol(X509Fields.PKIX1IMPLICIT);
        r.fields(X509Fields.PKIX1IMPLICIT, X509Fields.PKIX1IMPLICIT_FIELDS);
        r.protocol(X509Fields.PKIX1EXPLICIT);
        r.fields(X509Fields.PKIX1EXPLICIT, X509Fields.PKIX1EXPLICIT_FIELDS);
        r.protocol(X509Fields.BER);
        r.fields(X509Fields.BER, X509Fields.BER_FIELDS);
        r.experts(X509Fields.BER, List.of(X509Fields.OID_NOT_IMPLEMENTED));

        handle = r.handle("tls", TlsRecordDissector.PROTO, TlsProvider::dissect);
        r.handle("tls13-handshake", TlsRecordDissector.PROTO, TlsQuic::dissect);
        r.newTable("tls.port", "TLS Port", FieldType.UINT16, Base.DEC);
        r.newTable("tls.alpn", "SSL/TLS Application-Layer Protocol Negotiation (ALPN) Protocol IDs", FieldType.STRING,
                Base.NONE);
        r.newHeuristicList("tls");
        TlsPreferences.register(r);
    }

    @Override
    public void handoff(Tables t) {
        for (int port : TCP_PORTS) {
            t.table("tcp.port").add(port, handle);
        }
        t.heuristics("tcp").add("tls_tcp", TlsRecordDissector.PROTO, TlsProvider::heuristic, true);
    }

    private static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return TlsRecordDissector.dissect(tvb, pinfo, tree);
    }

    /**
     * Claims TCP payload on any port that starts like a TLS record (handshake or application data, SSL
     * 3.0 to TLS 1.2 record version, plausible length) or an SSLv2-compatible ClientHello. Once it has,
     * the rest of the conversation is TLS too, as tshark's conversation dissector makes it.
     */
    static boolean heuristic(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        TlsSessions sessions = TlsSessions.of(pinfo);
        TlsSession known = sessions.find(pinfo, false);
        if (known != null && known.claimedByHeuristic) {
            return TlsRecordDissector.dissect(tvb, pinfo, tree) > 0;
        }
        if (!looksLikeRecord(tvb) && !looksLikeSslv2ClientHello(tvb)) {
            return false;
        }
        sessions.find(pinfo, true).claimedByHeuristic = true;
        return TlsRecordDissector.dissect(tvb, pinfo, tree) > 0;
    }

    private static boolean looksLikeRecord(Tvb tvb) {
        if (tvb.length() < 5) {
            return false;
        }
        int type = tvb.u8(0);
        int version = tvb.u16(1);
        int length = tvb.u16(3);
        if (type != TlsRecordDissector.CT_HANDSHAKE && type != TlsRecordDissector.CT_APPLICATION_DATA) {
            return false;
        }
        if (version != TlsSession.SSLV3 && version != TlsSession.TLS10 && version != TlsSession.TLS11
                && version != TlsSession.TLS12 && version != 0x0101) {
            return false;
        }
        return length != 0 && length < (1 << 14) + 2048;
    }

    /** An SSL 2.0 compatible ClientHello (RFC 5246, appendix E.2) with sane lengths. */
    private static boolean looksLikeSslv2ClientHello(Tvb tvb) {
        if (tvb.length() < 46 || tvb.u8(0) != 0x80 || tvb.u8(2) != 1) {
            return false;
        }
        int cipherSpecLength = tvb.u16(5);
        int sessionIdLength = tvb.u16(7);
        return cipherSpecLength != 0 && cipherSpecLength % 3 == 0 && (sessionIdLength == 0 || sessionIdLength == 16)
                && tvb.u16(9) == 32;
    }
}
