package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Splits the body of a handshake record into handshake messages (RFC 8446, section 4) and hands each
 * to the dissector of its type. Messages may be coalesced in one record or fragmented across records;
 * fragments are collected per direction ({@link TlsHandshakeReassembly}) and the whole message is
 * dissected from a "Reassembled TLS Handshake" data source in the record that completes it. A record
 * that looks encrypted (see {@link #looksEncrypted}) is shown as "Encrypted Handshake Message".
 *
 * <pre>
 * +--------+--------+--------+--------+-------------...
 * | type   |  length (24 bits)        | body
 * +--------+--------+--------+--------+-------------...
 * </pre>
 */
final class TlsHandshakeDissector {
    private TlsHandshakeDissector() {}

    static final int HELLO_REQUEST = 0;
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int HELLO_VERIFY_REQUEST = 3;
    static final int NEW_SESSION_TICKET = 4;
    static final int END_OF_EARLY_DATA = 5;
    static final int HELLO_RETRY_REQUEST = 6;
    static final int ENCRYPTED_EXTENSIONS = 8;
    static final int CERTIFICATE = 11;
    static final int SERVER_KEY_EXCHANGE = 12;
    static final int CERTIFICATE_REQUEST = 13;
    static final int SERVER_HELLO_DONE = 14;
    static final int CERTIFICATE_VERIFY = 15;
    static final int CLIENT_KEY_EXCHANGE = 16;
    static final int FINISHED = 20;
    static final int CERTIFICATE_URL = 21;
    static final int CERTIFICATE_STATUS = 22;
    static final int SUPPLEMENTAL_DATA = 23;
    static final int KEY_UPDATE = 24;
    static final int COMPRESSED_CERTIFICATE = 25;
    static final int NPN_ENCRYPTED_EXTENSIONS = 67;

    private static final String ENCRYPTED = "Encrypted Handshake Message";

    static final FieldDef HANDSHAKE = FieldDef.none("tls.handshake", "Handshake Protocol");
    static final FieldDef TYPE = FieldDef.uint8("tls.handshake.type", "Handshake Type")
            .vals(TlsValues.HANDSHAKE_TYPES);
    static final FieldDef LENGTH = FieldDef.uint24("tls.handshake.length", "Length");
    static final FieldDef FRAGMENTS = FieldDef.none("tls.handshake.fragments", "Reassembled Handshake Fragments");
    static final FieldDef FRAGMENT = FieldDef.framenum("tls.handshake.fragment", "Handshake Fragment");
    static final FieldDef FRAGMENT_COUNT = FieldDef.uint32("tls.handshake.fragment.count", "Handshake Fragment count");
    static final FieldDef REASSEMBLED_IN = FieldDef.framenum("tls.handshake.reassembled_in",
            "Reassembled Handshake Message in frame");

    static final List<FieldDef> FIELDS = List.of(HANDSHAKE, TYPE, LENGTH, FRAGMENTS, FRAGMENT,
            FRAGMENT_COUNT, REASSEMBLED_IN);

    /** Dissects the handshake record body [{@code offset}, {@code end}) under {@code record}. */
    static void dissect(TlsContext ctx, ProtoItem record, Tvb tvb, int offset, int end, int version) {
        TlsSession session = ctx.session;
        boolean first = true;
        TlsHandshakeReassembly pending = session.reassembly(ctx.fromServer);
        boolean continued = false;
        if (pending != null) {
            int have = pending.size();
            int subset = end - offset;
            int messageLength = 0;
            if (tvb.has(offset, Math.min(subset, 4))) {
                messageLength = pending.messageLength(tvb.backingArray(), tvb.start() + offset, Math.min(subset, 4));
            }
            if (messageLength != 0 && subset > messageLength - have) {
                subset = messageLength - have;
            }
            if (!tvb.has(offset, subset)) {
                // Bytes missing from the capture: the message can never be completed.
                session.setReassembly(ctx.fromServer, null);
            } else {
                continued = true;
                pending.add(ctx.frame(), tvb.backingArray(), tvb.start() + offset, subset);
                boolean last = have + subset == messageLength;
                if (!last) {
                    details(ctx, record, version, pending.type(), false, false, false, tvb, offset, end - offset);
                    reassembledLater(ctx, record, tvb, offset);
                    return;
                }
                session.setReassembly(ctx.fromServer, null);
                for (TlsHandshakeReassembly.Fragment f : pending.fragments()) {
                    ctx.pinfo.links().learn(REASSEMBLED_IN.abbrev(), f.frame(), ctx.frame());
                }
                String name = TlsValues.HANDSHAKE_TYPES.nameOr(pending.type(), ENCRYPTED);
                record.add(HANDSHAKE, tvb, offset, subset).setText("Handshake Protocol: " + name + " (last fragment)");
                offset += subset;
                Tvb whole = ctx.pinfo.addDataSource("Reassembled TLS Handshake", pending.bytes());
                fragmentTree(record, whole, pending);
                full(ctx, record, whole, 0, version, true);
                first = false;
            }
        }
        if (!continued && !ctx.decryptedRecord && looksEncrypted(ctx, tvb, offset, end)) {
            details(ctx, record, version, 0, true, true, true, tvb, offset, end - offset);
            return;
        }
        while (offset < end) {
            int subset = end - offset;
            int messageLength = subset >= 4 ? 4 + tvb.u24(offset + 1) : 0;
            if (messageLength == 0 || subset < messageLength) {
                int type = tvb.u8(offset);
                TlsHandshakeReassembly r = new TlsHandshakeReassembly(type);
                if (tvb.has(offset, subset)) {
                    r.add(ctx.frame(), tvb.backingArray(), tvb.start() + offset, subset);
                }
                session.setReassembly(ctx.fromServer, r);
                details(ctx, record, version, type, false, first, false, tvb, offset, subset);
                reassembledLater(ctx, record, tvb, offset);
                break;
            }
            full(ctx, record, tvb, offset, version, first);
            offset += messageLength;
            first = false;
        }
    }

    /**
     * Decides whether a handshake record that cannot be decrypted is encrypted. Records under 16 bytes
     * cannot hold a MAC or AEAD tag, so they are plain. Otherwise a zero 5-byte prefix (two empty
     * HelloRequests are implausible; an AES-GCM explicit nonce starting at sequence 0 is likely), a
     * frame after this side's first ChangeCipherSpec, an unknown message type or a length over 64 KiB
     * mean encrypted.
     */
    private static boolean looksEncrypted(TlsContext ctx, Tvb tvb, int offset, int end) {
        if (end - offset < 16) {
            return false;
        }
        if (tvb.uint(offset, 5) == 0) {
            return true;
        }
        long ccs = ctx.session.ccsFrame(ctx.fromServer);
        if (ccs != 0 && ctx.frame() > ccs) {
            return true;
        }
        if (TlsValues.HANDSHAKE_TYPES.name(tvb.u8(offset)) == null) {
            return true;
        }
        return tvb.u24(offset + 1) >= 0x10000;
    }

    /**
     * Names the message in Info and in the record label and adds its "Handshake Protocol" node:
     * complete messages always, fragments only as the record's first message ("[Certificate Fragment]").
     */
    private static ProtoItem details(TlsContext ctx, ProtoItem record, int version, int type, boolean encrypted,
            boolean first, boolean complete, Tvb tvb, int offset, int length) {
        String name = encrypted ? ENCRYPTED : TlsValues.HANDSHAKE_TYPES.nameOr(type, ENCRYPTED);
        boolean fragment = !complete && !encrypted;
        if (complete) {
            ctx.appendInfo(name);
        } else if (first) {
            ctx.appendInfo("[" + name + " Fragment]");
        }
        if (ctx.detailed) {
            String v = TlsRecordDissector.shortName(version, "TLS");
            record.setText(v + " Record Layer: Handshake Protocol: "
                    + (first ? name + (fragment ? " (fragment)" : "") : "Multiple Handshake Messages"));
        }
        ProtoItem item = record.add(HANDSHAKE, tvb, offset, length);
        item.setText("Handshake Protocol: " + name + (fragment ? " (fragment)" : ""));
        return item;
    }

    /**
     * On a fragment of a handshake message: the frame a first pass of two (tshark -2) completed the
     * message in, which may be this one.
     */
    private static void reassembledLater(TlsContext ctx, ProtoItem record, Tvb tvb, int offset) {
        long in = ctx.pinfo.links().recall(REASSEMBLED_IN.abbrev(), ctx.frame());
        if (in != 0) {
            record.addUint(REASSEMBLED_IN, tvb, offset, 0, in);
        }
    }

    /** Shows where a reassembled message came from, as "[2 Reassembled Handshake Fragments (976 bytes): #6(512), #6(464)]". */
    private static void fragmentTree(ProtoItem record, Tvb whole, TlsHandshakeReassembly r) {
        List<TlsHandshakeReassembly.Fragment> fragments = r.fragments();
        ProtoItem tree = record.add(FRAGMENTS, whole, 0, whole.length()).setGenerated();
        if (record.tree().detailed()) {
            StringBuilder sb = new StringBuilder();
            sb.append(fragments.size()).append(" Reassembled Handshake Fragments (").append(whole.length())
                    .append(whole.length() == 1 ? " byte): " : " bytes): ");
            for (int i = 0; i < fragments.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('#').append(fragments.get(i).frame()).append('(').append(fragments.get(i).length()).append(')');
            }
            tree.setText(sb.toString());
        }
        int at = 0;
        for (TlsHandshakeReassembly.Fragment f : fragments) {
            ProtoItem item = tree.addUint(FRAGMENT, whole, at, f.length(), f.frame()).setGenerated();
            item.setText("Frame: " + f.frame() + ", payload: " + at + "-" + (at + f.length() - 1) + " (" + f.length()
                    + (f.length() == 1 ? " byte)" : " bytes)"));
            at += f.length();
        }
        tree.addUint(FRAGMENT_COUNT, whole, 0, 0, fragments.size()).setGenerated();
    }

    /** Dissects one complete handshake message at {@code offset} (header included). */
    private static void full(TlsContext ctx, ProtoItem record, Tvb tvb, int offset, int version, boolean first) {
        TlsSession session = ctx.session;
        int type = tvb.u8(offset);
        int length = tvb.u24(offset + 1);
        String name = TlsValues.HANDSHAKE_TYPES.name(type);
        if (name == null && !first) {
            return; // only the first message of a record is shown when its type is unknown
        }
        boolean hrr = false;
        if (first && type == SERVER_HELLO && length > 2) {
            TlsHellos.ServerHelloScan scan = TlsHellos.scanServerHello(tvb, offset + 4, offset + 4 + length);
            hrr = scan.helloRetryRequest();
            TlsRecordDissector.setVersion(session, scan.version(), true);
        }
        ProtoItem hs = details(ctx, record, version, hrr ? HELLO_RETRY_REQUEST : type, false, first, true, tvb, offset,
                length + 4);
        if (name == null) {
            return;
        }
        hs.addUint(TYPE, tvb, offset, 1, type);
        hs.addUint(LENGTH, tvb, offset + 1, 3, length);
        int body = offset + 4;
        int end = body + length;
        switch (type) {
            case CLIENT_HELLO -> {
                session.setServer(ctx.pinfo, true);
                TlsHelloFacts facts = TlsHellos.clientHello(ctx, hs, tvb, body, end);
                if (facts.earlyData) {
                    // Early data can only be TLS 1.3, before the server even answers.
                    session.version = TlsSession.TLS13;
                }
                session.firstTls13Suite = firstTls13Suite(facts);
                TlsDecryption.clientHello(ctx, facts.earlyData);
            }
            case SERVER_HELLO -> {
                if (session.serverAddress == null) {
                    session.setServer(ctx.pinfo, false); // the capture began after the ClientHello
                }
                TlsHellos.serverHello(ctx, hs, tvb, body, end, hrr);
                TlsDecryption.serverHello(ctx, hrr);
            }
            case NEW_SESSION_TICKET -> {
                TlsMessages.newSessionTicket(ctx, hs, tvb, body, end);
                if (session.version != TlsSession.TLS13) {
                    TlsDecryption.newSessionTicket(ctx, session.sessionTicket);
                }
            }
            case END_OF_EARLY_DATA -> TlsDecryption.endOfEarlyData(ctx);
            case HELLO_RETRY_REQUEST -> TlsHellos.draftHelloRetryRequest(ctx, hs, tvb, body, end);
            case ENCRYPTED_EXTENSIONS -> TlsExtensions.dissect(ctx, hs, tvb, body, end, ENCRYPTED_EXTENSIONS);
            case CERTIFICATE -> TlsCertificates.certificate(ctx, hs, tvb, body, end);
            case SERVER_KEY_EXCHANGE -> TlsKeyExchange.server(ctx, hs, tvb, body, end);
            case CERTIFICATE_REQUEST -> TlsCertificates.certificateRequest(ctx, hs, tvb, body, end);
            case SERVER_HELLO_DONE -> session.resumed = false; // a full handshake, not an abbreviated one
            case CERTIFICATE_VERIFY -> TlsKeyExchange.digitallySigned(ctx, hs, tvb, body, end, session.version,
                    TlsKeyExchange.CERT_VERIFY_SIG_LEN, TlsKeyExchange.CERT_VERIFY_SIG);
            case CLIENT_KEY_EXCHANGE -> TlsKeyExchange.client(ctx, hs, tvb, body, length);
            case FINISHED -> {
                TlsMessages.finished(ctx, hs, tvb, body, end);
                TlsDecryption.finished(ctx);
            }
            case CERTIFICATE_URL -> TlsMessages.certificateUrl(hs, tvb, body);
            case CERTIFICATE_STATUS -> TlsCertificates.certificateStatus(ctx, hs, tvb, body, end);
            case KEY_UPDATE -> {
                TlsMessages.keyUpdate(record, tvb, body);
                TlsDecryption.keyUpdate(ctx);
            }
            case COMPRESSED_CERTIFICATE -> TlsCertificates.compressedCertificate(ctx, hs, tvb, body, end);
            case NPN_ENCRYPTED_EXTENSIONS -> TlsMessages.npnEncryptedExtensions(hs, tvb, body);
            default -> { } // HelloRequest, HelloVerifyRequest and SupplementalData have no fields
        }
        TlsDecryption.handshakeMessage(ctx, tvb, offset, length + 4, type);
    }

    /** The first TLS 1.3 suite (0x13xx) a ClientHello offers, or -1. */
    private static int firstTls13Suite(TlsHelloFacts facts) {
        for (int i = 0; i < facts.ciphers.size(); i++) {
            if ((facts.ciphers.get(i) & 0xff00) == 0x1300) {
                return facts.ciphers.get(i);
            }
        }
        return -1;
    }

    /** Whether {@code type} is a handshake type valid in TLS (HelloVerifyRequest is DTLS only). */
    static boolean validType(int type) {
        return type != HELLO_VERIFY_REQUEST && TlsValues.HANDSHAKE_TYPES.name(type) != null;
    }
}
