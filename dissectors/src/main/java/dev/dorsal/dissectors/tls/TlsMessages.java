package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects the small handshake messages: NewSessionTicket (RFC 5077 and RFC 8446 section 4.6.1),
 * Finished, KeyUpdate, CertificateURL (RFC 6066) and the NPN EncryptedExtensions of
 * draft-agl-tls-nextprotoneg.
 */
final class TlsMessages {
    private TlsMessages() {}

    static final FieldDef TICKET_LIFETIME = FieldDef.uint32("tls.handshake.session_ticket_lifetime_hint",
            "Session Ticket Lifetime Hint").custom(v -> v == 1 ? "1 second" : v + " seconds");
    static final FieldDef TICKET_AGE_ADD = FieldDef.uint32("tls.handshake.session_ticket_age_add",
            "Session Ticket Age Add");
    static final FieldDef TICKET_NONCE_LENGTH = FieldDef.uint8("tls.handshake.session_ticket_nonce_length",
            "Session Ticket Nonce Length");
    static final FieldDef TICKET_NONCE = FieldDef.bytes("tls.handshake.session_ticket_nonce", "Session Ticket Nonce");
    static final FieldDef TICKET_LENGTH = FieldDef.uint16("tls.handshake.session_ticket_length",
            "Session Ticket Length");
    static final FieldDef TICKET = FieldDef.bytes("tls.handshake.session_ticket", "Session Ticket");
    static final FieldDef VERIFY_DATA = FieldDef.none("tls.handshake.verify_data", "Verify Data");
    static final FieldDef MD5_HASH = FieldDef.none("tls.handshake.md5_hash", "MD5 Hash");
    static final FieldDef SHA_HASH = FieldDef.none("tls.handshake.sha_hash", "SHA-1 Hash");
    static final FieldDef KEY_UPDATE = FieldDef.uint8("tls.handshake.key_update.request_update", "Key Update Request")
            .vals(TlsValues.KEY_UPDATE_REQUESTS);
    static final FieldDef CERT_URL_TYPE = FieldDef.uint8("tls.handshake.cert_url_type", "Certificate Chain Type")
            .vals(TlsValues.CERT_URL_TYPES);
    static final FieldDef CERT_URL_LIST_LENGTH = FieldDef.uint16("tls.handshake.cert_url.url_hash_len",
            "URL and Hash list Length");
    static final FieldDef CERT_URL_ITEM = FieldDef.none("tls.handshake.cert_url.url_hash", "URL and Hash");
    static final FieldDef CERT_URL_LENGTH = FieldDef.uint16("tls.handshake.cert_url.url_len", "URL Length");
    static final FieldDef CERT_URL = FieldDef.string("tls.handshake.cert_url.url", "URL");
    static final FieldDef CERT_URL_PADDING = FieldDef.none("tls.handshake.cert_url.padding", "Padding");
    static final FieldDef CERT_URL_SHA1 = FieldDef.bytes("tls.handshake.cert_url.sha1", "SHA1 Hash");
    static final FieldDef NPN_PROTOCOL_LENGTH = FieldDef.uint8("tls.handshake.npn_selected_protocol_len",
            "Selected Protocol Length");
    static final FieldDef NPN_PROTOCOL = FieldDef.string("tls.handshake.npn_selected_protocol", "Selected Protocol");
    static final FieldDef NPN_PADDING_LENGTH = FieldDef.uint8("tls.handshake.npn_padding_len", "Padding Length");
    static final FieldDef NPN_PADDING = FieldDef.bytes("tls.handshake.npn_padding", "Padding");

    static final List<FieldDef> FIELDS = List.of(TICKET_LIFETIME, TICKET_AGE_ADD, TICKET_NONCE_LENGTH, TICKET_NONCE,
            TICKET_LENGTH, TICKET, VERIFY_DATA, MD5_HASH, SHA_HASH, KEY_UPDATE, CERT_URL_TYPE, CERT_URL_LIST_LENGTH,
            CERT_URL_ITEM, CERT_URL_LENGTH, CERT_URL, CERT_URL_PADDING, CERT_URL_SHA1, NPN_PROTOCOL_LENGTH,
            NPN_PROTOCOL, NPN_PADDING_LENGTH, NPN_PADDING);

    static void newSessionTicket(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        TlsSession session = ctx.session;
        boolean tls13 = session.version == TlsSession.TLS13;
        ProtoItem t = hs.addText(tvb, offset, end - offset, "TLS Session Ticket");
        long lifetime = tvb.u32(offset);
        ProtoItem item = t.add(TICKET_LIFETIME, tvb, offset, 4);
        if (lifetime >= 60 && ctx.detailed) {
            item.appendText(" (" + duration(lifetime) + ")");
        }
        offset += 4;
        if (tls13) {
            t.add(TICKET_AGE_ADD, tvb, offset, 4);
            offset += 4;
            if (session.tls13Draft == 0 || session.tls13Draft >= 21) {
                int n = TlsVectors.length(t, tvb, offset, end, TICKET_NONCE_LENGTH, 0, 255);
                if (n < 0) {
                    return;
                }
                offset++;
                t.add(TICKET_NONCE, tvb, offset, n);
                offset += n;
            }
        }
        int n = TlsVectors.length(t, tvb, offset, end, TICKET_LENGTH, tls13 ? 1 : 0, 0xffff);
        if (n < 0) {
            return;
        }
        offset += 2;
        t.add(TICKET, tvb, offset, n);
        if (!tls13) {
            session.sessionTicket = tvb.bytes(offset, n);
        }
        offset += n;
        session.flow.newSessionTicket(ctx.frame(), tls13);
        if (tls13) {
            TlsExtensions.dissect(ctx, t, tvb, offset, end, TlsHandshakeDissector.NEW_SESSION_TICKET);
        }
    }

    /** Seconds as tshark words them: "2 hours", "1 day, 3 hours, 5 minutes, 1 second". */
    static String duration(long secs) {
        long[] units = {secs / 86400, secs / 3600 % 24, secs / 60 % 60, secs % 60};
        String[] names = {"day", "hour", "minute", "second"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < units.length; i++) {
            if (units[i] == 0) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(units[i]).append(' ').append(names[i]).append(units[i] == 1 ? "" : "s");
        }
        return sb.toString();
    }

    static void finished(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        if (ctx.session.version == TlsSession.SSLV3) {
            hs.add(MD5_HASH, tvb, offset, 16);
            hs.add(SHA_HASH, tvb, offset + 16, 20);
        } else {
            hs.add(VERIFY_DATA, tvb, offset, end - offset);
        }
    }

    /** KeyUpdate: one byte, which tshark puts on the record rather than under the handshake node. */
    static void keyUpdate(ProtoItem record, Tvb tvb, int offset) {
        record.add(KEY_UPDATE, tvb, offset, 1);
    }

    static void certificateUrl(ProtoItem hs, Tvb tvb, int offset) {
        hs.add(CERT_URL_TYPE, tvb, offset, 1);
        offset++;
        int count = tvb.u16(offset);
        hs.add(CERT_URL_LIST_LENGTH, tvb, offset, 2);
        offset += 2;
        // tshark counts the list length as a number of entries
        while (count-- > 0) {
            int urlLength = tvb.u16(offset);
            ProtoItem item = hs.add(CERT_URL_ITEM, tvb, offset, 2 + urlLength + 1 + 20);
            item.add(CERT_URL_LENGTH, tvb, offset, 2);
            offset += 2;
            item.add(CERT_URL, tvb, offset, urlLength);
            offset += urlLength;
            item.add(CERT_URL_PADDING, tvb, offset, 1);
            offset++;
            item.add(CERT_URL_SHA1, tvb, offset, 20);
            offset += 20;
        }
    }

    static void npnEncryptedExtensions(ProtoItem hs, Tvb tvb, int offset) {
        int n = tvb.u8(offset);
        hs.add(NPN_PROTOCOL_LENGTH, tvb, offset, 1);
        offset++;
        hs.add(NPN_PROTOCOL, tvb, offset, n);
        offset += n;
        int padding = tvb.u8(offset);
        hs.add(NPN_PADDING_LENGTH, tvb, offset, 1);
        offset++;
        hs.add(NPN_PADDING, tvb, offset, padding);
    }
}
