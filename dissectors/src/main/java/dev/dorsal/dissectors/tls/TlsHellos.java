package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects ClientHello and ServerHello bodies (RFC 8446, section 4.1.2 and 4.1.3): version, random,
 * session id, cipher suites, compression and extensions, then adds the JA3/JA3S and JA4
 * fingerprints. A ServerHello whose random is SHA-256("HelloRetryRequest") is a HelloRetryRequest.
 *
 * <pre>
 * ClientHello: version(2) random(32) session_id<0..32> cipher_suites<2..2^16-2>
 *              compression_methods<1..2^8-1> extensions<0..2^16-1>
 * ServerHello: version(2) random(32) session_id<0..32> cipher_suite(2) compression_method(1) extensions
 * </pre>
 */
final class TlsHellos {
    private TlsHellos() {}

    /** SHA-256("HelloRetryRequest"): the random of a HelloRetryRequest (RFC 8446, section 4.1.3). */
    private static final byte[] HRR_RANDOM = {
        (byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11, (byte) 0xbe, 0x1d, (byte) 0x8c,
        0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91, (byte) 0xc2, (byte) 0xa2, 0x11, 0x16, 0x7a, (byte) 0xbb,
        (byte) 0x8c, 0x5e, 0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8, 0x33, (byte) 0x9c};

    static final FieldDef VERSION = FieldDef.uint16("tls.handshake.version", "Version").hex().vals(TlsValues.VERSIONS);
    static final FieldDef RANDOM = FieldDef.bytes("tls.handshake.random", "Random");
    static final FieldDef RANDOM_TIME = FieldDef.absoluteTime("tls.handshake.random_time", "GMT Unix Time");
    static final FieldDef RANDOM_BYTES = FieldDef.bytes("tls.handshake.random_bytes", "Random Bytes");
    static final FieldDef SESSION_ID_LENGTH = FieldDef.uint8("tls.handshake.session_id_length", "Session ID Length");
    static final FieldDef SESSION_ID = FieldDef.bytes("tls.handshake.session_id", "Session ID");
    static final FieldDef CIPHER_SUITES_LENGTH = FieldDef.uint16("tls.handshake.cipher_suites_length",
            "Cipher Suites Length");
    static final FieldDef CIPHER_SUITES = FieldDef.none("tls.handshake.ciphersuites", "Cipher Suites");
    static final FieldDef CIPHER_SUITE = FieldDef.uint16("tls.handshake.ciphersuite", "Cipher Suite").hex()
            .vals(TlsCipherSuites.NAMES);
    static final FieldDef COMP_METHODS_LENGTH = FieldDef.uint8("tls.handshake.comp_methods_length",
            "Compression Methods Length");
    static final FieldDef COMP_METHODS = FieldDef.none("tls.handshake.comp_methods", "Compression Methods");
    static final FieldDef COMP_METHOD = FieldDef.uint8("tls.handshake.comp_method", "Compression Method")
            .vals(TlsValues.COMPRESSION_METHODS);
    static final FieldDef JA3_FULL = FieldDef.string("tls.handshake.ja3_full", "JA3 Fullstring");
    static final FieldDef JA3 = FieldDef.string("tls.handshake.ja3", "JA3");
    static final FieldDef JA3S_FULL = FieldDef.string("tls.handshake.ja3s_full", "JA3S Fullstring");
    static final FieldDef JA3S = FieldDef.string("tls.handshake.ja3s", "JA3S");
    /** Not in tshark 4.0.17 (added in later releases): added hidden so the 4.0 tree stays unchanged. */
    static final FieldDef JA4 = FieldDef.string("tls.handshake.ja4", "JA4");
    static final FieldDef JA4_R = FieldDef.string("tls.handshake.ja4_r", "JA4_r");

    static final List<FieldDef> FIELDS = List.of(VERSION, RANDOM, RANDOM_TIME, RANDOM_BYTES, SESSION_ID_LENGTH,
            SESSION_ID, CIPHER_SUITES_LENGTH, CIPHER_SUITES, CIPHER_SUITE, COMP_METHODS_LENGTH, COMP_METHODS,
            COMP_METHOD, JA3_FULL, JA3, JA3S_FULL, JA3S, JA4, JA4_R);

    /** What a quick look at a ServerHello tells before it is dissected. */
    record ServerHelloScan(int version, boolean helloRetryRequest) {}

    /**
     * Reads the negotiated version of a ServerHello body: its supported_versions extension when the
     * legacy version is TLS 1.2 (TLS 1.3 and its HelloRetryRequest), else the legacy version.
     */
    static ServerHelloScan scanServerHello(Tvb tvb, int offset, int end) {
        int version = tvb.u16(offset);
        boolean hrr = false;
        // version, random, session id length; cipher suite, compression, extensions length; one extension
        if (version == TlsSession.TLS12 && end - offset >= 46) {
            offset += 2;
            hrr = tvb.has(offset, 32) && java.util.Arrays.equals(tvb.bytes(offset, 32), HRR_RANDOM);
            offset += 32;
            int sessionIdLength = tvb.u8(offset);
            offset++;
            if (end - offset < sessionIdLength + 5) {
                return new ServerHelloScan(version, hrr);
            }
            offset += sessionIdLength + 5;
            while (end - offset >= 6) {
                int type = tvb.u16(offset);
                int length = tvb.u16(offset + 2);
                if (end - offset < 4 + length) {
                    break;
                }
                if (type == TlsExtensions.SUPPORTED_VERSIONS && length == 2) {
                    return new ServerHelloScan(tvb.u16(offset + 4), hrr);
                }
                offset += 4 + length;
            }
        }
        return new ServerHelloScan(version, hrr);
    }

    /** Dissects a ClientHello body; returns what it offered. */
    static TlsHelloFacts clientHello(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        TlsHelloFacts facts = new TlsHelloFacts();
        facts.legacyVersion = tvb.u16(offset);
        hs.add(VERSION, tvb, offset, 2);
        offset = common(ctx, hs, tvb, offset + 2, false, false);
        int suitesLength = TlsVectors.length(hs, tvb, offset, end, CIPHER_SUITES_LENGTH, 2, 0xffff);
        if (suitesLength < 0) {
            return facts;
        }
        offset += 2;
        int next = offset + suitesLength;
        ProtoItem suites = hs.add(CIPHER_SUITES, tvb, offset, suitesLength);
        if (ctx.detailed) {
            suites.setText("Cipher Suites (" + suitesLength / 2 + " suite" + (suitesLength / 2 == 1 ? ")" : "s)"));
        }
        while (offset + 2 <= next) {
            facts.ciphers.add(tvb.u16(offset));
            suites.add(CIPHER_SUITE, tvb, offset, 2);
            offset += 2;
        }
        if (!TlsVectors.end(suites, tvb, offset, next)) {
            offset = next;
        }
        int methodsLength = TlsVectors.length(hs, tvb, offset, end, COMP_METHODS_LENGTH, 1, 0xff);
        if (methodsLength < 0) {
            return facts;
        }
        offset++;
        next = offset + methodsLength;
        ProtoItem methods = hs.add(COMP_METHODS, tvb, offset, methodsLength);
        if (ctx.detailed) {
            methods.setText("Compression Methods (" + methodsLength + " method" + (methodsLength == 1 ? ")" : "s)"));
        }
        while (offset < next) {
            compressionMethod(methods, tvb, offset);
            offset++;
        }
        if (offset < end) {
            TlsExtensions.dissect(ctx, hs, tvb, offset, end, TlsHandshakeDissector.CLIENT_HELLO, facts);
        }
        if (ctx.detailed || ctx.wants(JA3_FULL) || ctx.wants(JA3)) {
            String ja3 = Ja3.client(facts);
            hs.addString(JA3_FULL, tvb, offset, 0, ja3).setGenerated();
            hs.addString(JA3, tvb, offset, 0, Ja3.md5(ja3)).setGenerated();
        }
        // Not a field of tshark 4.0.17: only when asked for, never in a full tree (JSON shows hidden fields).
        if (ctx.tree.asked(JA4) || ctx.tree.asked(JA4_R)) {
            hs.addString(JA4, tvb, offset, 0, Ja4.fingerprint(facts)).setGenerated().setHidden();
            hs.addString(JA4_R, tvb, offset, 0, Ja4.raw(facts)).setGenerated().setHidden();
        }
        ctx.session.flow.clientHello(ctx.frame(), facts);
        return facts;
    }

    static void serverHello(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end, boolean hrr) {
        TlsSession session = ctx.session;
        TlsHelloFacts facts = new TlsHelloFacts();
        ctx.setProtocol(TlsRecordDissector.shortName(session.version, "SSL"));
        // Assume an abbreviated handshake until a ServerHelloDone shows otherwise.
        session.resumed = true;
        facts.legacyVersion = tvb.u16(offset);
        hs.add(VERSION, tvb, offset, 2);
        offset = common(ctx, hs, tvb, offset + 2, true, hrr);
        int cipher = tvb.u16(offset);
        session.cipherSuite = cipher;
        hs.add(CIPHER_SUITE, tvb, offset, 2);
        offset += 2;
        if (!(session.version == TlsSession.TLS13 && session.tls13Draft > 0 && session.tls13Draft < 22)) {
            session.compressionMethod = tvb.u8(offset);
            hs.add(COMP_METHOD, tvb, offset, 1);
            offset++;
        }
        int extensionsAt = offset;
        if (offset < end) {
            TlsExtensions.dissect(ctx, hs, tvb, offset, end,
                    hrr ? TlsHandshakeDissector.HELLO_RETRY_REQUEST : TlsHandshakeDissector.SERVER_HELLO, facts);
        }
        if (ctx.detailed || ctx.wants(JA3S_FULL) || ctx.wants(JA3S)) {
            String ja3s = Ja3.server(facts, cipher);
            hs.addString(JA3S_FULL, tvb, extensionsAt, 0, ja3s).setGenerated();
            hs.addString(JA3S, tvb, extensionsAt, 0, Ja3.md5(ja3s)).setGenerated();
        }
        session.flow.serverHello(ctx.frame(), session.version, cipher, hrr, facts);
    }

    /** A HelloRetryRequest of TLS 1.3 drafts up to 21, which had its own message type (6). */
    static void draftHelloRetryRequest(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        int version = tvb.u16(offset);
        hs.add(VERSION, tvb, offset, 2);
        offset += 2;
        int draft = TlsRecordDissector.tls13Draft(version);
        if (draft == 0 || draft >= 19) {
            hs.add(CIPHER_SUITE, tvb, offset, 2);
            offset += 2;
        }
        TlsExtensions.dissect(ctx, hs, tvb, offset, end, TlsHandshakeDissector.HELLO_RETRY_REQUEST, new TlsHelloFacts());
    }

    /** Random and session id, shared by both hellos; returns the offset after them. */
    private static int common(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, boolean fromServer, boolean hrr) {
        TlsSession session = ctx.session;
        byte[] random = tvb.bytes(offset, 32);
        if (fromServer) {
            session.serverRandom = random;
        } else {
            session.clientRandom = random;
        }
        ProtoItem r = hs.add(RANDOM, tvb, offset, 32);
        if (session.version != TlsSession.TLS13) {
            // Before TLS 1.3 the random began with the sender's clock.
            r.addTime(RANDOM_TIME, tvb, offset, 4, tvb.u32(offset) * 1_000_000_000L);
            r.add(RANDOM_BYTES, tvb, offset + 4, 28);
        } else if (hrr) {
            r.appendText(" (HelloRetryRequest magic)");
        }
        offset += 32;
        if (!fromServer || !(session.version == TlsSession.TLS13 && session.tls13Draft > 0 && session.tls13Draft < 22)) {
            int length = tvb.u8(offset);
            hs.add(SESSION_ID_LENGTH, tvb, offset, 1);
            offset++;
            if (fromServer && length <= 32) {
                session.sessionId = tvb.bytes(offset, length);
            }
            if (length > 0) {
                hs.add(SESSION_ID, tvb, offset, length);
                offset += length;
            }
        }
        return offset;
    }

    private static void compressionMethod(ProtoItem methods, Tvb tvb, int offset) {
        int m = tvb.u8(offset);
        ProtoItem item = methods.add(COMP_METHOD, tvb, offset, 1);
        if (m >= 64) {
            item.setText("Compression Method: " + (m < 193 ? "Reserved - to be assigned by IANA (" : "Private use range (")
                    + m + ")");
        }
    }
}
