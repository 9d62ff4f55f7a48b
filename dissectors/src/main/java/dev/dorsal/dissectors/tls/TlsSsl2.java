package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects SSL 2.0 records (draft-hickman-netscape-ssl-00): in practice the SSL 2.0 compatible
 * ClientHello old clients send first (RFC 5246, appendix E.2), and the rare full SSL 2.0 exchange.
 *
 * <pre>
 * 2-byte header: 1LLLLLLL LLLLLLLL              (no padding)
 * 3-byte header: 0ELLLLLL LLLLLLLL PPPPPPPP     (E: escape, P: padding length)
 * </pre>
 */
final class TlsSsl2 {
    private TlsSsl2() {}

    static final int CLIENT_HELLO = 1;
    static final int CLIENT_MASTER_KEY = 2;
    static final int SERVER_HELLO = 4;
    /** Longest session id SSL 2.0 allows. */
    private static final int MAX_SESSION_ID = 16;

    static final FieldDef IS_ESCAPE = FieldDef.bool("tls.record.is_escape", "Is Escape");
    static final FieldDef PADDING_LENGTH = FieldDef.uint8("tls.record.padding_length", "Padding Length");
    static final FieldDef MESSAGE_TYPE = FieldDef.uint8("tls.handshake.type", "Handshake Message Type")
            .vals(TlsValues.SSL2_MESSAGE_TYPES);
    static final FieldDef CIPHER_SPEC_LENGTH = FieldDef.uint16("tls.handshake.cipher_spec_len", "Cipher Spec Length");
    static final FieldDef SESSION_ID_LENGTH = FieldDef.uint16("tls.handshake.session_id_length", "Session ID Length");
    static final FieldDef CHALLENGE_LENGTH = FieldDef.uint16("tls.handshake.challenge_length", "Challenge Length");
    static final FieldDef CIPHER_SPEC = FieldDef.uint24("tls.handshake.cipherspec", "Cipher Spec").hex()
            .vals(TlsValues.SSL2_CIPHER_SPECS);
    static final FieldDef CHALLENGE = FieldDef.none("tls.handshake.challenge", "Challenge");
    static final FieldDef CLEAR_KEY_LENGTH = FieldDef.uint16("tls.handshake.clear_key_length", "Clear Key Data Length");
    static final FieldDef ENCRYPTED_KEY_LENGTH = FieldDef.uint16("tls.handshake.encrypted_key_length",
            "Encrypted Key Data Length");
    static final FieldDef KEY_ARG_LENGTH = FieldDef.uint16("tls.handshake.key_arg_length", "Key Argument Length");
    static final FieldDef CLEAR_KEY = FieldDef.none("tls.handshake.clear_key_data", "Clear Key Data");
    static final FieldDef ENCRYPTED_KEY = FieldDef.none("tls.handshake.encrypted_key", "Encrypted Key");
    static final FieldDef KEY_ARG = FieldDef.none("tls.handshake.key_arg", "Key Argument");
    static final FieldDef SESSION_ID_HIT = FieldDef.bool("tls.handshake.session_id_hit", "Session ID Hit");
    static final FieldDef CERT_TYPE = FieldDef.uint8("tls.handshake.cert_type", "Certificate Type")
            .vals(TlsValues.SSL2_CERT_TYPES);
    static final FieldDef CONNECTION_ID_LENGTH = FieldDef.uint16("tls.handshake.connection_id_length",
            "Connection ID Length");
    static final FieldDef CONNECTION_ID = FieldDef.none("tls.handshake.connection_id", "Connection ID");

    static final List<FieldDef> FIELDS = List.of(IS_ESCAPE, PADDING_LENGTH, MESSAGE_TYPE, CIPHER_SPEC_LENGTH,
            SESSION_ID_LENGTH, CHALLENGE_LENGTH, CIPHER_SPEC, CHALLENGE, CLEAR_KEY_LENGTH, ENCRYPTED_KEY_LENGTH,
            KEY_ARG_LENGTH, CLEAR_KEY, ENCRYPTED_KEY, KEY_ARG, SESSION_ID_HIT, CERT_TYPE, CONNECTION_ID_LENGTH,
            CONNECTION_ID);

    static final ExpertDef SESSION_ID_LENGTH_ERROR = new ExpertDef("tls.handshake.session_id_length.error",
            "Session ID length error", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    /** An SSL 2.0 ClientHello: first byte 0x80, message type 1 at byte 2. */
    static boolean isClientHello(Tvb tvb, int offset) {
        return tvb.u8(offset) == 0x80 && tvb.u8(offset + 2) == CLIENT_HELLO;
    }

    /** A record that may be an SSL 2.0 handshake in clear: no padding and a plausible message type. */
    static boolean looksLikeRecord(Tvb tvb, int offset) {
        if (tvb.u8(offset) < 0x80) {
            return false;
        }
        int type = tvb.u8(offset + 2);
        return type == 0 || type == CLIENT_HELLO || type == CLIENT_MASTER_KEY || type == SERVER_HELLO;
    }

    /** Dissects the SSL 2.0 record at {@code offset}; returns the offset after it, or -1 after asking for more data. */
    static int record(TlsContext ctx, ProtoItem tls, Tvb tvb, int offset) {
        PacketInfo pinfo = ctx.pinfo;
        int first = tvb.u8(offset);
        int headerLength = (first & 0x80) != 0 ? 2 : 3;
        int available = tvb.reportedLength() - offset;
        if (available < headerLength) {
            if (TlsPreferences.canDesegment(pinfo)) {
                pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                return -1;
            }
            return offset + available;
        }
        int length;
        int escape = -1;
        int padding = -1;
        if (headerLength == 2) {
            length = ((first & 0x7f) << 8) | tvb.u8(offset + 1);
        } else {
            escape = (first & 0x40) != 0 ? 1 : 0;
            length = ((first & 0x3f) << 8) | tvb.u8(offset + 1);
            padding = tvb.u8(offset + 2);
        }
        if (available < headerLength + length) {
            if (TlsPreferences.canDesegment(pinfo)) {
                pinfo.setDesegment(offset, headerLength + length - available);
                return -1;
            }
            return offset + available;
        }
        int body = offset + headerLength;
        ProtoItem rec = tls.add(TlsRecordDissector.RECORD, tvb, offset, headerLength + length);
        int type = tvb.u8(body);
        TlsSession session = ctx.session;
        if (session.version == TlsSession.VERSION_UNKNOWN && type >= 2 && type <= 8) {
            session.version = TlsSession.SSLV2;
        }
        ctx.setProtocol("SSLv2");
        String name = TlsValues.SSL2_MESSAGE_TYPES.name(type);
        if (name == null || !validHandshake(tvb, body, length)) {
            rec.setText("SSLv2 Record Layer: Encrypted Data");
            rec.addUint(TlsRecordDissector.VERSION, tvb, offset, 0, TlsSession.SSLV2).setGenerated();
            ctx.appendInfo("Encrypted Data");
            return body + length;
        }
        ctx.appendInfo(name);
        rec.setText("SSLv2 Record Layer: " + name);
        rec.addUint(TlsRecordDissector.VERSION, tvb, offset, 0, TlsSession.SSLV2).setGenerated();
        rec.addUint(TlsRecordDissector.LENGTH, tvb, offset, headerLength, length);
        if (escape >= 0) {
            rec.addBool(IS_ESCAPE, tvb, offset, 1, escape == 1);
        }
        if (padding >= 0) {
            rec.addUint(PADDING_LENGTH, tvb, offset + 2, 1, padding);
        }
        rec.add(MESSAGE_TYPE, tvb, body, 1);
        switch (type) {
            case CLIENT_HELLO -> clientHello(ctx, rec, tvb, body + 1);
            case CLIENT_MASTER_KEY -> clientMasterKey(rec, tvb, body + 1);
            case SERVER_HELLO -> serverHello(ctx, rec, tvb, body + 1);
            default -> { } // other messages are not decoded
        }
        return body + length;
    }

    /** Guards against random data: the few clear-text message types, with a known version or sane lengths. */
    private static boolean validHandshake(Tvb tvb, int offset, int length) {
        return switch (tvb.u8(offset)) {
            case CLIENT_HELLO -> validVersion(tvb.u16(offset + 1));
            case SERVER_HELLO -> validVersion(tvb.u16(offset + 3));
            case CLIENT_MASTER_KEY -> tvb.u16(offset + 4) + tvb.u16(offset + 6) + tvb.u16(offset + 8) <= length;
            default -> false;
        };
    }

    private static boolean validVersion(int v) {
        String name = TlsValues.VERSIONS.name(v);
        return name != null && !name.startsWith("Reserved") && v != 0x0101;
    }

    private static void clientHello(TlsContext ctx, ProtoItem rec, Tvb tvb, int offset) {
        int version = tvb.u16(offset);
        if (!validVersion(version)) {
            return;
        }
        ctx.session.setServer(ctx.pinfo, true);
        rec.add(TlsHellos.VERSION, tvb, offset, 2);
        offset += 2;
        int specsLength = tvb.u16(offset);
        rec.add(CIPHER_SPEC_LENGTH, tvb, offset, 2);
        offset += 2;
        int sessionIdLength = tvb.u16(offset);
        ProtoItem sid = rec.add(SESSION_ID_LENGTH, tvb, offset, 2);
        if (sessionIdLength > MAX_SESSION_ID) {
            sid.expert(SESSION_ID_LENGTH_ERROR, "Session ID length (" + sessionIdLength + ") must be less than "
                    + MAX_SESSION_ID + ".");
            return;
        }
        offset += 2;
        int challengeLength = tvb.u16(offset);
        rec.add(CHALLENGE_LENGTH, tvb, offset, 2);
        offset += 2;
        ProtoItem specs = rec.add(TlsHellos.CIPHER_SUITES, tvb, offset, specsLength);
        specs.setText("Cipher Specs (" + specsLength / 3 + " specs)");
        for (int n = specsLength; n > 0; n -= 3) {
            specs.add(CIPHER_SPEC, tvb, offset, 3);
            offset += 3;
        }
        if (sessionIdLength > 0) {
            rec.add(TlsHellos.SESSION_ID, tvb, offset, sessionIdLength)
                    .setText("Session ID (" + sessionIdLength + " byte" + (sessionIdLength == 1 ? ")" : "s)"));
            offset += sessionIdLength;
        }
        if (challengeLength > 0) {
            rec.add(CHALLENGE, tvb, offset, challengeLength);
        }
    }

    private static void clientMasterKey(ProtoItem rec, Tvb tvb, int offset) {
        rec.add(CIPHER_SPEC, tvb, offset, 3);
        offset += 3;
        int clear = tvb.u16(offset);
        rec.add(CLEAR_KEY_LENGTH, tvb, offset, 2);
        offset += 2;
        int encrypted = tvb.u16(offset);
        rec.add(ENCRYPTED_KEY_LENGTH, tvb, offset, 2);
        offset += 2;
        int arg = tvb.u16(offset);
        rec.add(KEY_ARG_LENGTH, tvb, offset, 2);
        offset += 2;
        if (clear > 0) {
            rec.add(CLEAR_KEY, tvb, offset, clear);
            offset += clear;
        }
        if (encrypted > 0) {
            rec.add(ENCRYPTED_KEY, tvb, offset, encrypted);
            offset += encrypted;
        }
        if (arg > 0) {
            rec.add(KEY_ARG, tvb, offset, arg);
        }
    }

    private static void serverHello(TlsContext ctx, ProtoItem rec, Tvb tvb, int offset) {
        if (!validVersion(tvb.u16(offset + 2))) {
            return;
        }
        rec.add(SESSION_ID_HIT, tvb, offset, 1);
        offset++;
        rec.add(CERT_TYPE, tvb, offset, 1);
        offset++;
        rec.add(TlsHellos.VERSION, tvb, offset, 2);
        offset += 2;
        int certLength = tvb.u16(offset);
        rec.addUint(TlsCertificates.CERTIFICATE_LENGTH, tvb, offset, 2, certLength);
        offset += 2;
        int specsLength = tvb.u16(offset);
        rec.addUint(CIPHER_SPEC_LENGTH, tvb, offset, 2, specsLength);
        offset += 2;
        int connectionIdLength = tvb.u16(offset);
        rec.addUint(CONNECTION_ID_LENGTH, tvb, offset, 2, connectionIdLength);
        offset += 2;
        if (certLength > 0) {
            ProtoItem cert = rec.add(TlsCertificates.CERTIFICATE, tvb, offset, certLength);
            if (X509Fields.wanted(ctx.tree)) {
                cert.appendText(" (" + X509Dissector.certificate(ctx.pinfo, cert, tvb, offset, certLength) + ")");
            }
            offset += certLength;
        }
        if (specsLength > 0) {
            int n = specsLength / 3;
            ProtoItem specs = rec.add(TlsHellos.CIPHER_SUITES, tvb, offset, specsLength);
            specs.setText("Cipher Specs (" + n + " spec" + (n == 1 ? ")" : "s)"));
            for (int i = 0; i < n; i++) {
                specs.add(CIPHER_SPEC, tvb, offset, 3);
                offset += 3;
            }
        }
        if (connectionIdLength > 0) {
            rec.add(CONNECTION_ID, tvb, offset, connectionIdLength);
        }
    }
}
