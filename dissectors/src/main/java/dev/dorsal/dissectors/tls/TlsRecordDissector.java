package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FollowData;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Splits a TCP payload into TLS records and dissects each one (Transport Layer Security, RFC 5246 and
 * RFC 8446, SSL 3.0 RFC 6101; filter prefix {@code tls}; TCP ports in {@link TlsProvider}).
 *
 * <pre>
 *  0        1        2        3        4        5
 * +--------+--------+--------+--------+--------+---------------...
 * |  type  | legacy_version  |     length      | fragment (length bytes)
 * +--------+--------+--------+--------+--------+---------------...
 * </pre>
 *
 * A record cut by the end of the segment is left to TCP: the dissector asks for the missing bytes
 * (desegmentation) and is called again with the reassembled data in the frame that completes it.
 * Handshake records go to {@link TlsHandshakeDissector}, alerts to {@link TlsAlerts}. With a key log
 * ({@link TlsDecryption}) records are decrypted first and dissected from their plaintext, and
 * application data goes on to the protocol above ({@link TlsAppData}); without, it stays opaque.
 */
final class TlsRecordDissector {
    private TlsRecordDissector() {}

    static final ProtocolDef PROTO = new ProtocolDef("Transport Layer Security", "TLS", "tls");
    /** Tap the decrypted records go to, for {@code -z follow,tls}. */
    static final String FOLLOW_TAP = "tls";

    static final int CT_CHANGE_CIPHER_SPEC = 20;
    static final int CT_ALERT = 21;
    static final int CT_HANDSHAKE = 22;
    static final int CT_APPLICATION_DATA = 23;
    static final int CT_HEARTBEAT = 24;
    static final int CT_CONNECTION_ID = 25;

    /** Largest record body RFC 5246 allows (2^14 + 2048); TLS 1.3 allows 2^14 + 256. */
    private static final int MAX_PLAINTEXT = 1 << 14;

    static final FieldDef RECORD = FieldDef.none("tls.record", "Record Layer");
    static final FieldDef CONTENT_TYPE = FieldDef.uint8("tls.record.content_type", "Content Type")
            .vals(TlsValues.CONTENT_TYPES);
    static final FieldDef OPAQUE_TYPE = FieldDef.uint8("tls.record.opaque_type", "Opaque Type")
            .vals(TlsValues.CONTENT_TYPES);
    static final FieldDef VERSION = FieldDef.uint16("tls.record.version", "Version").hex().vals(TlsValues.VERSIONS);
    static final FieldDef LENGTH = FieldDef.uint16("tls.record.length", "Length");
    static final FieldDef APP_DATA = FieldDef.bytes("tls.app_data", "Encrypted Application Data")
            .blurb("Payload is encrypted application data");
    static final FieldDef APP_DATA_PROTO = FieldDef.string("tls.app_data_proto", "Application Data Protocol");
    static final FieldDef CHANGE_CIPHER_SPEC = FieldDef.none("tls.change_cipher_spec", "Change Cipher Spec Message");
    static final FieldDef HEARTBEAT = FieldDef.none("tls.heartbeat_message", "Heartbeat Message");
    static final FieldDef HEARTBEAT_TYPE = FieldDef.uint8("tls.heartbeat_message.type", "Type")
            .vals(TlsValues.HEARTBEAT_TYPES);
    static final FieldDef HEARTBEAT_PAYLOAD_LENGTH = FieldDef.uint16("tls.heartbeat_message.payload_length",
            "Payload Length");
    static final FieldDef HEARTBEAT_PAYLOAD = FieldDef.bytes("tls.heartbeat_message.payload", "Payload Length");
    static final FieldDef HEARTBEAT_PADDING = FieldDef.bytes("tls.heartbeat_message.padding", "Payload Length");

    static final List<FieldDef> FIELDS = List.of(RECORD, CONTENT_TYPE, OPAQUE_TYPE, VERSION, LENGTH, APP_DATA,
            APP_DATA_PROTO, CHANGE_CIPHER_SPEC, HEARTBEAT, HEARTBEAT_TYPE, HEARTBEAT_PAYLOAD_LENGTH,
            HEARTBEAT_PAYLOAD, HEARTBEAT_PADDING);

    static final ExpertDef IGNORED_UNKNOWN_RECORD = new ExpertDef("tls.ignored_unknown_record",
            "Ignored Unknown Record", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef RECORD_LENGTH_INVALID = new ExpertDef("tls.record.length.invalid",
            "Record fragment length is too small or too large", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef UNEXPECTED_MESSAGE = new ExpertDef("tls.unexpected_message",
            "Unexpected message", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef RESUMED = new ExpertDef("tls.resumed",
            "This session reuses previously negotiated keys (Session resumption)", ExpertDef.Group.SEQUENCE,
            ExpertDef.Severity.NOTE);
    static final ExpertDef HEARTBEAT_LENGTH = new ExpertDef("tls.heartbeat_message.payload_length.invalid",
            "Invalid heartbeat payload length", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    static final List<ExpertDef> EXPERTS = List.of(IGNORED_UNKNOWN_RECORD, RECORD_LENGTH_INVALID,
            UNEXPECTED_MESSAGE, RESUMED, HEARTBEAT_LENGTH);

    /** Dissects every record in {@code tvb}; returns 0 when the data is evidently not TLS. */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (startsWithText(tvb)) {
            // Real TLS never starts with four printable characters: this is clear text (e.g. a
            // protocol before STARTTLS), so it is not ours.
            return 0;
        }
        TlsSession session = TlsSessions.of(pinfo).find(pinfo, true);
        int used = records(tvb, pinfo, tree, session);
        pinfo.links().learn(TlsSessions.LEARNED_VERSION, session.id, session.version | (long) session.tls13Draft << 16);
        return used;
    }

    private static int records(Tvb tvb, PacketInfo pinfo, ProtoItem tree, TlsSession session) {
        boolean fromServer = session.fromServer(pinfo.netSrc(), pinfo.srcPort());
        pinfo.columns().setProtocol(shortName(session.version, "SSL"));
        pinfo.columns().clearInfo();
        TlsContext ctx = new TlsContext(pinfo, session, fromServer, tree.tree());
        TlsDecryption.of(ctx);
        ProtoItem tls = tree.addProtocol(PROTO, tvb, 0, tvb.length());

        int offset = 0;
        int end = tvb.reportedLength();
        while (end - offset > 0) {
            int next;
            if (end - offset < 5 && session.version != TlsSession.SSLV2) {
                // A record header needs five bytes; ask for "some more" rather than an exact count so a
                // later, longer request for the body still works.
                if (TlsPreferences.canDesegment(pinfo)) {
                    pinfo.setDesegment(offset, PacketInfo.ONE_MORE_SEGMENT);
                    return tvb.length();
                }
                break;
            }
            int v = session.version;
            boolean knownPreTls13 = v == TlsSession.SSLV3 || v == TlsSession.TLS10 || v == TlsSession.TLS11
                    || v == TlsSession.TLS12;
            if (v == TlsSession.SSLV2) {
                next = TlsSsl2.record(ctx, tls, tvb, offset);
            } else if (knownPreTls13) {
                // A version may be known and an SSL 2.0 ClientHello still arrive (a client retrying).
                next = TlsSsl2.isClientHello(tvb, offset) ? TlsSsl2.record(ctx, tls, tvb, offset)
                        : record(ctx, tls, tvb, offset);
            } else if (TlsSsl2.looksLikeRecord(tvb, offset)) {
                next = TlsSsl2.record(ctx, tls, tvb, offset);
            } else if (looksLikeRecord(tvb, offset)) {
                next = record(ctx, tls, tvb, offset);
            } else {
                ctx.appendInfo("Continuation Data");
                next = end;
            }
            if (next < 0) {
                return tvb.length();
            }
            offset = next;
        }
        pinfo.columns().fenceInfo();
        return tvb.length();
    }

    /**
     * Dissects the record at {@code offset}; returns the offset after it, or -1 after asking TCP for
     * more data.
     */
    private static int record(TlsContext ctx, ProtoItem tls, Tvb tvb, int offset) {
        TlsSession session = ctx.session;
        PacketInfo pinfo = ctx.pinfo;
        int available = tvb.reportedLength() - offset;
        int sv = session.version;
        if ((sv == TlsSession.TLS10 || sv == TlsSession.TLS11 || sv == TlsSession.TLS12)
                && !validContentType(tvb.u8(offset))) {
            // TLS 1.0 to 1.2 skip records of unknown type (RFC 2246, section 6).
            tls.addText(tvb, offset, available, IGNORED_UNKNOWN_RECORD.summary()).expert(IGNORED_UNKNOWN_RECORD);
            ctx.appendInfo("Ignored Unknown Record");
            return offset + available;
        }
        int type = tvb.u8(offset);
        int recordVersion = tvb.u16(offset + 1);
        int length = tvb.u16(offset + 3);
        if (!validContentType(type)) {
            ctx.appendInfo("Continuation Data");
            return offset + 5 + length;
        }
        if (available < length + 5) {
            if (TlsPreferences.canDesegment(pinfo)) {
                pinfo.setDesegment(offset, length + 5 - available);
                return -1;
            }
            return offset + available;
        }

        ProtoItem rec = tls.add(RECORD, tvb, offset, 5 + length);
        boolean opaque = session.version == TlsSession.TLS13 && type == CT_APPLICATION_DATA;
        ProtoItem typeItem = rec.add(opaque ? OPAQUE_TYPE : CONTENT_TYPE, tvb, offset, 1);
        rec.add(VERSION, tvb, offset + 1, 2);
        ProtoItem lengthItem = rec.add(LENGTH, tvb, offset + 3, 2);
        int body = offset + 5;

        int version;
        if (session.version == TlsSession.VERSION_UNKNOWN) {
            int nextByte = tvb.u8(body);
            trySetVersion(session, type, nextByte, recordVersion);
            ctx.setProtocol(shortName(recordVersion, "SSL"));
            version = recordVersion;
        } else {
            version = session.version;
        }
        if (length > MAX_PLAINTEXT + (version == TlsSession.TLS13 ? 256 : 2048)) {
            lengthItem.expert(RECORD_LENGTH_INVALID,
                    "TLSCiphertext length MUST NOT exceed 2^14 + " + (version == TlsSession.TLS13 ? 256 : 2048));
        }
        if (!tvb.has(body, length)) {
            // Cut by the capture: as in tshark, the record shows its header and nothing of what it
            // holds (no Info, no version learnt from a partial hello); this read marks it truncated.
            tvb.bytes(body, length);
        }

        // With keys, the record is dissected from its plaintext ("Decrypted TLS"); in TLS 1.3 the real
        // content type is inside it.
        Tvb content = tvb;
        int at = body;
        int contentLength = length;
        int contentType = type;
        TlsDecryption.Plain plain = TlsDecryption.decrypt(ctx, rec, type, recordVersion, tvb, body, length);
        if (plain != null && plain.data().length == 0) {
            // An empty record (OpenSSL's 1/n-1 split of CBC data, say) carries nothing: as in tshark it
            // gets no data source and nothing goes to the protocol above.
            plain = null;
        }
        if (plain != null) {
            content = pinfo.addDataSource("Decrypted TLS", plain.data());
            at = 0;
            contentLength = plain.data().length;
            if (session.version == TlsSession.TLS13) {
                contentType = plain.type();
                rec.addUint(CONTENT_TYPE, tvb, offset, 1, contentType).setGenerated();
            }
            pinfo.queueTap(FOLLOW_TAP, new FollowData(contentType == CT_APPLICATION_DATA, plain.data()));
        }
        ctx.decryptedRecord = plain != null;
        switch (contentType) {
            case CT_CHANGE_CIPHER_SPEC -> changeCipherSpec(ctx, rec, content, at, typeItem);
            case CT_ALERT -> TlsAlerts.dissect(ctx, rec, content, at, contentLength);
            case CT_HANDSHAKE -> TlsHandshakeDissector.dissect(ctx, rec, content, at, at + contentLength, version);
            case CT_APPLICATION_DATA -> {
                applicationData(ctx, rec, tvb, body, length, version);
                if (plain != null) {
                    TlsAppData.dissect(ctx, ctx.tree.root(), tls, content, session.decryption.flow(ctx.fromServer));
                }
            }
            case CT_HEARTBEAT -> {
                if (version == TlsSession.TLS13) {
                    typeItem.expert(UNEXPECTED_MESSAGE, "Record type is not allowed in TLS 1.3");
                } else {
                    heartbeat(ctx, rec, content, at, contentLength);
                }
            }
            default -> { } // Connection ID records (25) carry nothing readable without keys.
        }
        ctx.decryptedRecord = false;
        return body + length;
    }

    private static void changeCipherSpec(TlsContext ctx, ProtoItem rec, Tvb tvb, int body, ProtoItem typeItem) {
        TlsSession session = ctx.session;
        if (session.version == TlsSession.TLS13 && session.tls13Draft > 0 && session.tls13Draft < 22) {
            // CCS came back only in TLS 1.3 draft 22.
            typeItem.expert(UNEXPECTED_MESSAGE, "Record type is not allowed in TLS 1.3");
            return;
        }
        ctx.appendInfo("Change Cipher Spec");
        if (ctx.detailed) {
            rec.setText(shortName(session.version, "SSL") + " Record Layer: Change Cipher Spec Protocol: Change Cipher Spec");
        }
        ProtoItem item = rec.add(CHANGE_CIPHER_SPEC, tvb, body, 1);
        if (session.version == TlsSession.TLS13) {
            return; // a dummy message for middleboxes in TLS 1.3: it changes nothing
        }
        session.noteCcs(ctx.fromServer, ctx.frame());
        TlsDecryption.changeCipherSpec(ctx);
        if (ctx.fromServer && session.resumed) {
            // No ServerHelloDone between ServerHello and the server's CCS: an abbreviated handshake.
            item.expert(RESUMED);
            session.flow.resumed = true;
        }
        if (ctx.fromServer) {
            session.resumed = false;
        }
    }

    private static void applicationData(TlsContext ctx, ProtoItem rec, Tvb tvb, int body, int length, int version) {
        ctx.appendInfo("Application Data");
        String app = appProtocol(ctx);
        if (ctx.detailed) {
            rec.setText(shortName(version, "SSL") + " Record Layer: Application Data Protocol: "
                    + (app != null ? app : "Application Data"));
        }
        rec.add(APP_DATA, tvb, body, length);
        if (app != null) {
            rec.addString(APP_DATA_PROTO, tvb, 0, 0, app).setGenerated();
        }
    }

    /** The application protocol: chosen by ALPN, else by the source port, else by the destination port. */
    private static String appProtocol(TlsContext ctx) {
        if (ctx.session.alpnProtocolName != null) {
            return ctx.session.alpnProtocolName;
        }
        String name = TlsAppProtocols.byPort(ctx.pinfo.srcPort());
        return name != null ? name : TlsAppProtocols.byPort(ctx.pinfo.dstPort());
    }

    private static void heartbeat(TlsContext ctx, ProtoItem rec, Tvb tvb, int offset, int length) {
        ProtoItem hb = rec.add(HEARTBEAT, tvb, offset, length);
        int type = tvb.u8(offset);
        String typeName = TlsValues.HEARTBEAT_TYPES.name(type);
        int payloadLength = tvb.u16(offset + 1);
        int paddingLength = length - 3 - payloadLength;
        // Without keys there is no decoder, and tshark then takes every heartbeat for plain text.
        boolean plaintext = true;
        String versionName = shortName(ctx.session.version, "SSL");
        if (typeName != null && plaintext) {
            ctx.appendInfo("Heartbeat " + typeName);
            if (ctx.detailed) {
                rec.setText(versionName + " Record Layer: Heartbeat " + typeName);
            }
            hb.add(HEARTBEAT_TYPE, tvb, offset, 1);
            ProtoItem len = hb.addUint(HEARTBEAT_PAYLOAD_LENGTH, tvb, offset + 1, 2, payloadLength);
            if (3 + payloadLength + 16 > length) {
                len.expert(HEARTBEAT_LENGTH, "Invalid heartbeat payload length (" + payloadLength + ")");
                payloadLength = length - 3;
                paddingLength = 0;
                len.appendText(" (invalid, using " + payloadLength + " to decode payload)");
            }
            hb.add(HEARTBEAT_PAYLOAD, tvb, offset + 3, payloadLength)
                    .setText("Payload (" + payloadLength + " byte" + (payloadLength == 1 ? "" : "s") + ")");
            if (paddingLength > 0) {
                hb.add(HEARTBEAT_PADDING, tvb, offset + 3 + payloadLength, paddingLength)
                        .setText("Padding and HMAC (" + paddingLength + " byte" + (paddingLength == 1 ? "" : "s") + ")");
            }
        } else {
            ctx.appendInfo("Encrypted Heartbeat");
            if (ctx.detailed) {
                rec.setText(versionName + " Record Layer: Encrypted Heartbeat");
                hb.setText("Encrypted Heartbeat Message");
            }
        }
    }

    /**
     * Sets the session version from a record whose version is authoritative: any valid record except a
     * handshake record holding a ClientHello (whose record version is only a hint).
     */
    static void trySetVersion(TlsSession session, int contentType, int handshakeType, int version) {
        boolean authoritative = contentType == CT_HANDSHAKE
                ? TlsHandshakeDissector.validType(handshakeType) && handshakeType != TlsHandshakeDissector.CLIENT_HELLO
                : validContentType(contentType);
        if (authoritative) {
            setVersion(session, version, false);
        }
    }

    /** Sets the session version when {@code version} is one tshark tracks (a ServerHello may carry a 1.3 draft). */
    static void setVersion(TlsSession session, int version, boolean fromServerHello) {
        int draft = 0;
        if (fromServerHello) {
            draft = tls13Draft(version);
            if (draft != 0) {
                version = TlsSession.TLS13;
            }
        }
        switch (version) {
            case TlsSession.SSLV3, TlsSession.TLS10, TlsSession.TLS11, TlsSession.TLS12, TlsSession.TLS13 -> {
                session.version = version;
                session.tls13Draft = draft;
            }
            default -> { }
        }
    }

    /** The TLS 1.3 draft number of a 0x7fXX (or Facebook 0xfbXX) version, 0 for anything else. */
    static int tls13Draft(int version) {
        if ((version & 0xff00) == 0x7f00) {
            return version & 0xff;
        }
        if (version == 0xfb17) {
            return 23;
        }
        if (version == 0xfb1a) {
            return 26;
        }
        return 0;
    }

    static boolean validContentType(int type) {
        return type >= CT_CHANGE_CIPHER_SPEC && type <= CT_HEARTBEAT;
    }

    /** A valid content type followed by a version SSL 3.0 to TLS 1.3 (or TLCP 0x0101). */
    private static boolean looksLikeRecord(Tvb tvb, int offset) {
        if (!validContentType(tvb.u8(offset))) {
            return false;
        }
        int v = tvb.u16(offset + 1);
        return v >= TlsSession.SSLV3 && v <= TlsSession.TLS13 || v == 0x0101;
    }

    private static boolean startsWithText(Tvb tvb) {
        if (tvb.length() <= 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int c = tvb.u8(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The short version name of the Protocol column and record labels ("TLSv1.2"), else {@code fallback}. */
    static String shortName(int version, String fallback) {
        return switch (version) {
            case TlsSession.SSLV2 -> "SSLv2";
            case TlsSession.SSLV3 -> "SSLv3";
            case TlsSession.TLS10 -> "TLSv1";
            case TlsSession.TLS11 -> "TLSv1.1";
            case TlsSession.TLS12 -> "TLSv1.2";
            case TlsSession.TLS13 -> "TLSv1.3";
            case 0xfeff -> "DTLSv1.0";
            case 0xfefd -> "DTLSv1.2";
            case 0x0100 -> "DTLS 1.0 (OpenSSL pre 0.9.8f)";
            default -> fallback;
        };
    }
}
