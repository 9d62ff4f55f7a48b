package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dissects the extension list of a hello, EncryptedExtensions, CertificateRequest, NewSessionTicket or
 * certificate entry (RFC 8446, section 4.2): one "Extension: name (len=N)" subtree per extension with
 * its type, length and decoded data. Which data an extension carries depends on the message it is in.
 *
 * <pre>
 * +--------+--------+--------+--------+---------------...
 * |  extension type |  length         | extension_data
 * +--------+--------+--------+--------+---------------...
 * </pre>
 */
final class TlsExtensions {
    private TlsExtensions() {}

    static final int SERVER_NAME = 0;
    static final int QUIC_TRANSPORT_PARAMETERS = 0x39;
    static final int MAX_FRAGMENT_LENGTH = 1;
    static final int STATUS_REQUEST = 5;
    static final int CERT_TYPE = 9;
    static final int SUPPORTED_GROUPS = 10;
    static final int EC_POINT_FORMATS = 11;
    static final int SIGNATURE_ALGORITHMS = 13;
    static final int USE_SRTP = 14;
    static final int HEARTBEAT = 15;
    static final int ALPN = 16;
    static final int STATUS_REQUEST_V2 = 17;
    static final int SIGNED_CERTIFICATE_TIMESTAMP = 18;
    static final int CLIENT_CERT_TYPE = 19;
    static final int SERVER_CERT_TYPE = 20;
    static final int PADDING = 21;
    static final int ENCRYPT_THEN_MAC = 22;
    static final int EXTENDED_MASTER_SECRET = 23;
    static final int COMPRESS_CERTIFICATE = 27;
    static final int RECORD_SIZE_LIMIT = 28;
    static final int SESSION_TICKET = 35;
    static final int KEY_SHARE_OLD = 40;
    static final int PRE_SHARED_KEY = 41;
    static final int EARLY_DATA = 42;
    static final int SUPPORTED_VERSIONS = 43;
    static final int COOKIE = 44;
    static final int PSK_KEY_EXCHANGE_MODES = 45;
    static final int TICKET_EARLY_DATA_INFO = 46;
    static final int CERTIFICATE_AUTHORITIES = 47;
    static final int POST_HANDSHAKE_AUTH = 49;
    static final int SIGNATURE_ALGORITHMS_CERT = 50;
    static final int KEY_SHARE = 51;
    static final int DELEGATED_CREDENTIALS = 34;
    static final int NPN = 13172;
    static final int APPLICATION_SETTINGS = 17513;
    static final int RENEGOTIATION_INFO = 65281;

    static final FieldDef EXTENSIONS_LENGTH = FieldDef.uint16("tls.handshake.extensions_length", "Extensions Length");
    static final FieldDef TYPE = FieldDef.uint16("tls.handshake.extension.type", "Type").vals(TlsValues.EXTENSION_TYPES);
    static final FieldDef LENGTH = FieldDef.uint16("tls.handshake.extension.len", "Length");
    static final FieldDef DATA = FieldDef.bytes("tls.handshake.extension.data", "Data");
    static final FieldDef SNI_LIST_LENGTH = FieldDef.uint16("tls.handshake.extensions_server_name_list_len",
            "Server Name list length");
    static final FieldDef SNI_TYPE = FieldDef.uint8("tls.handshake.extensions_server_name_type", "Server Name Type")
            .vals(TlsValues.SERVER_NAME_TYPES);
    static final FieldDef SNI_LENGTH = FieldDef.uint16("tls.handshake.extensions_server_name_len", "Server Name length");
    static final FieldDef SNI = FieldDef.string("tls.handshake.extensions_server_name", "Server Name");
    static final FieldDef MAX_FRAGMENT = FieldDef.uint8("tls.handshake.max_fragment_length", "Maximum Fragment Length")
            .vals(TlsValues.MAX_FRAGMENT_LENGTHS);
    static final FieldDef GROUPS_LENGTH = FieldDef.uint16("tls.handshake.extensions_supported_groups_length",
            "Supported Groups List Length");
    static final FieldDef GROUPS = FieldDef.none("tls.handshake.extensions_supported_groups", "Supported Groups List");
    static final FieldDef GROUP = FieldDef.uint16("tls.handshake.extensions_supported_group", "Supported Group").hex()
            .vals(TlsValues.GROUPS);
    static final FieldDef POINT_FORMATS_LENGTH = FieldDef.uint8("tls.handshake.extensions_ec_point_formats_length",
            "EC point formats Length");
    static final FieldDef POINT_FORMATS = FieldDef.none("tls.handshake.extensions_ec_point_formats", "EC point formats");
    static final FieldDef POINT_FORMAT = FieldDef.uint8("tls.handshake.extensions_ec_point_format", "EC point format")
            .vals(TlsValues.EC_POINT_FORMATS);
    static final FieldDef SIG_ALGS_LENGTH = FieldDef.uint16("tls.handshake.sig_hash_alg_len",
            "Signature Hash Algorithms Length");
    static final FieldDef SIG_ALGS = FieldDef.none("tls.handshake.sig_hash_algs", "Signature Algorithms");
    static final FieldDef SIG_ALG = FieldDef.uint16("tls.handshake.sig_hash_alg", "Signature Algorithm").hex()
            .vals(TlsValues.SIGNATURE_SCHEMES);
    static final FieldDef SIG_HASH = FieldDef.uint8("tls.handshake.sig_hash_hash", "Signature Hash Algorithm Hash")
            .vals(TlsValues.HASH_ALGORITHMS);
    static final FieldDef SIG_SIG = FieldDef.uint8("tls.handshake.sig_hash_sig", "Signature Hash Algorithm Signature")
            .vals(TlsValues.SIGNATURE_ALGORITHMS);
    static final FieldDef HEARTBEAT_MODE = FieldDef.uint8("tls.handshake.extension.heartbeat.mode", "Mode")
            .vals(TlsValues.HEARTBEAT_MODES);
    static final FieldDef ALPN_LENGTH = FieldDef.uint16("tls.handshake.extensions_alpn_len", "ALPN Extension Length");
    static final FieldDef ALPN_LIST = FieldDef.none("tls.handshake.extensions_alpn_list", "ALPN Protocol");
    static final FieldDef ALPN_STR_LENGTH = FieldDef.uint8("tls.handshake.extensions_alpn_str_len", "ALPN string length");
    static final FieldDef ALPN_STR = FieldDef.string("tls.handshake.extensions_alpn_str", "ALPN Next Protocol");
    static final FieldDef NPN_STR_LENGTH = FieldDef.uint8("tls.handshake.extensions_npn_str_len", "Protocol string length");
    static final FieldDef NPN_STR = FieldDef.string("tls.handshake.extensions_npn", "Next Protocol");
    static final FieldDef RENEG_LENGTH = FieldDef.uint8("tls.handshake.extensions_reneg_info_len",
            "Renegotiation info extension length");
    static final FieldDef RENEG = FieldDef.bytes("tls.handshake.extensions_reneg_info", "Renegotiation info");
    static final FieldDef PADDING_DATA = FieldDef.bytes("tls.handshake.extensions_padding_data", "Padding Data");
    static final FieldDef RECORD_SIZE = FieldDef.uint16("tls.record_size_limit", "Record Size Limit");
    static final FieldDef SUPPORTED_VERSIONS_LENGTH = FieldDef.uint8("tls.handshake.extensions.supported_versions_len",
            "Supported Versions length");
    static final FieldDef SUPPORTED_VERSION = FieldDef.uint16("tls.handshake.extensions.supported_version",
            "Supported Version").hex().vals(TlsValues.VERSIONS);
    static final FieldDef COOKIE_LENGTH = FieldDef.uint16("tls.handshake.extensions.cookie_len", "Cookie length");
    static final FieldDef COOKIE_DATA = FieldDef.bytes("tls.handshake.extensions.cookie", "Cookie");
    static final FieldDef PSK_MODES_LENGTH = FieldDef.uint8("tls.extension.psk_ke_modes_length",
            "PSK Key Exchange Modes Length");
    static final FieldDef PSK_MODE = FieldDef.uint8("tls.extension.psk_ke_mode", "PSK Key Exchange Mode")
            .vals(TlsValues.PSK_KE_MODES);
    static final FieldDef MAX_EARLY_DATA = FieldDef.uint32("tls.early_data.max_early_data_size",
            "Maximum Early Data Size");
    static final FieldDef CERT_TYPES_LENGTH = FieldDef.uint8("tls.handshake.cert_type.types_len",
            "Certificate Type List Length");
    static final FieldDef CERT_TYPES = FieldDef.none("tls.handshake.cert_type.types", "Certificate Type List");
    static final FieldDef CERT_TYPE_VALUE = FieldDef.uint8("tls.handshake.cert_type.type", "Certificate Type").hex()
            .vals(TlsValues.CERT_TYPES);
    static final FieldDef COMPRESS_ALGORITHMS_LENGTH = FieldDef.uint8("tls.compress_certificate.algorithms_length",
            "Algorithms Length");
    static final FieldDef COMPRESS_ALGORITHM = FieldDef.uint16("tls.compress_certificate.algorithm", "Algorithm")
            .vals(TlsValues.CERT_COMPRESSION_ALGORITHMS);

    static final FieldDef ALPS_LENGTH = FieldDef.uint16("tls.handshake.extensions_alps_len", "ALPS Extension Length");
    static final FieldDef ALPS_LIST = FieldDef.none("tls.handshake.extensions_alps_alpn_list", "Supported ALPN List");
    static final FieldDef ALPS_STR_LENGTH = FieldDef.uint8("tls.handshake.extensions_alps_alpn_str_len",
            "Supported ALPN Length");
    static final FieldDef ALPS_STR = FieldDef.string("tls.handshake.extensions_alps_alpn_str", "Supported ALPN");
    static final FieldDef ALPS_SETTINGS = FieldDef.bytes("tls.handshake.extensions_alps.settings",
            "ALPN Opaque Settings");

    static final List<FieldDef> FIELDS = List.of(ALPS_LENGTH, ALPS_LIST, ALPS_STR_LENGTH, ALPS_STR, ALPS_SETTINGS,
            EXTENSIONS_LENGTH, TYPE, LENGTH, DATA, SNI_LIST_LENGTH, SNI_TYPE,
            SNI_LENGTH, SNI, MAX_FRAGMENT, GROUPS_LENGTH, GROUPS, GROUP, POINT_FORMATS_LENGTH, POINT_FORMATS,
            POINT_FORMAT, SIG_ALGS_LENGTH, SIG_ALGS, SIG_ALG, SIG_HASH, SIG_SIG, HEARTBEAT_MODE, ALPN_LENGTH, ALPN_LIST,
            ALPN_STR_LENGTH, ALPN_STR, NPN_STR_LENGTH, NPN_STR, RENEG_LENGTH, RENEG, PADDING_DATA, RECORD_SIZE,
            SUPPORTED_VERSIONS_LENGTH, SUPPORTED_VERSION, COOKIE_LENGTH, COOKIE_DATA, PSK_MODES_LENGTH, PSK_MODE,
            MAX_EARLY_DATA, CERT_TYPES_LENGTH, CERT_TYPES, CERT_TYPE_VALUE, COMPRESS_ALGORITHMS_LENGTH,
            COMPRESS_ALGORITHM);

    static int dissect(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, int message) {
        return dissect(ctx, tree, tvb, offset, end, message, new TlsHelloFacts());
    }

    /** Dissects {@code Extension extensions<0..2^16-1>} at {@code offset}; returns the offset after it. */
    static int dissect(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, int message, TlsHelloFacts facts) {
        int total = TlsVectors.length(tree, tvb, offset, end, EXTENSIONS_LENGTH, 0, 0xffff);
        if (total < 0) {
            return end;
        }
        offset += 2;
        end = offset + total;
        while (end - offset >= 4) {
            int type = tvb.u16(offset);
            int length = tvb.u16(offset + 2);
            TlsContext.ensure(tvb, offset, 4 + length);
            facts.extensions.add(type);
            ProtoItem ext = tree.addText(tvb, offset, 4 + length, ctx.detailed
                    ? "Extension: " + TlsValues.EXTENSION_TYPES.nameOr(type, "Unknown type " + type) + " (len=" + length + ")"
                    : null);
            ext.addUint(TYPE, tvb, offset, 2, type);
            offset += 2;
            length = TlsVectors.length(ext, tvb, offset, end, LENGTH, 0, 0xffff);
            if (length < 0) {
                return end;
            }
            offset += 2;
            int next = offset + length;
            offset = extension(ctx, ext, tvb, offset, next, type, message, facts);
            if (!TlsVectors.end(ext, tvb, offset, next)) {
                offset = next;
            }
        }
        if (!TlsVectors.end(tree, tvb, offset, end)) {
            offset = end;
        }
        return offset;
    }

    /** Dissects one extension's data [{@code offset}, {@code next}); returns where its parsing stopped. */
    private static int extension(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int next, int type, int message,
            TlsHelloFacts facts) {
        boolean ch = message == TlsHandshakeDissector.CLIENT_HELLO;
        boolean sh = message == TlsHandshakeDissector.SERVER_HELLO;
        TlsSession session = ctx.session;
        switch (type) {
            case SERVER_NAME -> {
                return serverName(ctx, ext, tvb, offset, next, facts);
            }
            case MAX_FRAGMENT_LENGTH -> {
                ext.add(MAX_FRAGMENT, tvb, offset, 1);
                return offset + 1;
            }
            case STATUS_REQUEST -> {
                if (ch) {
                    return TlsCertificates.statusRequest(ctx, ext, tvb, offset, next, false);
                }
                if (session.version == TlsSession.TLS13 && message == TlsHandshakeDissector.CERTIFICATE) {
                    return TlsCertificates.certificateStatus(ctx, ext, tvb, offset, next);
                }
                return offset;
            }
            case CERT_TYPE, CLIENT_CERT_TYPE, SERVER_CERT_TYPE -> {
                return certType(ext, tvb, offset, next, message);
            }
            case SUPPORTED_GROUPS -> {
                return supportedGroups(ctx, ext, tvb, offset, next, facts);
            }
            case EC_POINT_FORMATS -> {
                int n = tvb.u8(offset);
                ext.add(POINT_FORMATS_LENGTH, tvb, offset, 1);
                offset++;
                ProtoItem list = ext.add(POINT_FORMATS, tvb, offset, n);
                list.setText("Elliptic curves point formats (" + n + ")");
                for (int i = 0; i < n; i++) {
                    facts.pointFormats.add(tvb.u8(offset));
                    list.add(POINT_FORMAT, tvb, offset, 1);
                    offset++;
                }
                return offset;
            }
            case SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS_CERT -> {
                return signatureAlgorithms(ctx, ext, tvb, offset, next, type == SIGNATURE_ALGORITHMS ? facts : null);
            }
            case USE_SRTP -> {
                return offset; // DTLS only: left undecoded, so it shows as trailing data
            }
            case HEARTBEAT -> {
                ext.add(HEARTBEAT_MODE, tvb, offset, 1);
                return offset + 1;
            }
            case ALPN -> {
                return alpn(ctx, ext, tvb, offset, next, message, facts);
            }
            case STATUS_REQUEST_V2 -> {
                return ch ? TlsCertificates.statusRequestV2(ctx, ext, tvb, offset, next) : offset;
            }
            case SIGNED_CERTIFICATE_TIMESTAMP -> {
                if (sh || message == TlsHandshakeDissector.ENCRYPTED_EXTENSIONS
                        || message == TlsHandshakeDissector.CERTIFICATE) {
                    return TlsCertificates.sctList(ctx, ext, tvb, offset, next);
                }
                return offset;
            }
            case PADDING -> {
                ext.add(PADDING_DATA, tvb, offset, next - offset);
                return next;
            }
            case ENCRYPT_THEN_MAC -> {
                if (sh) {
                    session.encryptThenMac = true;
                }
                return offset;
            }
            case EXTENDED_MASTER_SECRET -> {
                if (ch) {
                    session.clientExtendedMasterSecret = true;
                } else if (sh) {
                    session.serverExtendedMasterSecret = true;
                }
                return offset;
            }
            case COMPRESS_CERTIFICATE -> {
                if (ch || message == TlsHandshakeDissector.CERTIFICATE_REQUEST) {
                    int n = TlsVectors.length(ext, tvb, offset, next, COMPRESS_ALGORITHMS_LENGTH, 1, 254);
                    if (n < 0) {
                        return next;
                    }
                    offset++;
                    int stop = offset + n;
                    while (offset < stop) {
                        ext.add(COMPRESS_ALGORITHM, tvb, offset, 2);
                        offset += 2;
                    }
                }
                return offset;
            }
            case RECORD_SIZE_LIMIT -> {
                ext.add(RECORD_SIZE, tvb, offset, 2);
                return offset + 2;
            }
            case SESSION_TICKET -> {
                int n = next - offset;
                facts.sessionTicketLength = n;
                if (ch && n != 0) {
                    session.sessionTicket = tvb.bytes(offset, n);
                }
                ext.add(DATA, tvb, offset, n).setText("Data (" + n + " byte" + (n == 1 ? ")" : "s)"));
                return offset + n;
            }
            case KEY_SHARE_OLD, KEY_SHARE -> {
                return TlsKeyShares.keyShare(ctx, ext, tvb, offset, next, message, facts);
            }
            case PRE_SHARED_KEY -> {
                facts.preSharedKey = true;
                return TlsKeyShares.preSharedKey(ctx, ext, tvb, offset, next, message);
            }
            case EARLY_DATA, TICKET_EARLY_DATA_INFO -> {
                if (ch) {
                    facts.earlyData = true;
                } else if (message == TlsHandshakeDissector.NEW_SESSION_TICKET) {
                    ext.add(MAX_EARLY_DATA, tvb, offset, 4);
                    return offset + 4;
                }
                return offset;
            }
            case SUPPORTED_VERSIONS -> {
                if (ch) {
                    return supportedVersions(ctx, ext, tvb, offset, next, facts);
                }
                if (sh || message == TlsHandshakeDissector.HELLO_RETRY_REQUEST) {
                    facts.supportedVersions.add(tvb.u16(offset));
                    ext.add(SUPPORTED_VERSION, tvb, offset, 2);
                    return offset + 2;
                }
                return offset;
            }
            case COOKIE -> {
                int n = TlsVectors.length(ext, tvb, offset, next, COOKIE_LENGTH, 1, 0xffff);
                if (n < 0) {
                    return next;
                }
                ext.add(COOKIE_DATA, tvb, offset + 2, n);
                return offset + 2 + n;
            }
            case PSK_KEY_EXCHANGE_MODES -> {
                int n = TlsVectors.length(ext, tvb, offset, next, PSK_MODES_LENGTH, 1, 255);
                if (n < 0) {
                    return next;
                }
                offset++;
                int stop = offset + n;
                while (offset < stop) {
                    ext.add(PSK_MODE, tvb, offset, 1);
                    offset++;
                }
                return offset;
            }
            case CERTIFICATE_AUTHORITIES -> {
                return TlsCertificates.certificateAuthorities(ctx, ext, tvb, offset, next);
            }
            case POST_HANDSHAKE_AUTH -> {
                return offset;
            }
            case NPN -> {
                return npn(ext, tvb, offset, next);
            }
            case DELEGATED_CREDENTIALS -> {
                // In a ClientHello: the signature algorithms the client accepts for credentials.
                return ch ? signatureAlgorithms(ctx, ext, tvb, offset, next, null) : offset;
            }
            case APPLICATION_SETTINGS -> {
                return applicationSettings(ext, tvb, offset, next, message);
            }
            case QUIC_TRANSPORT_PARAMETERS -> {
                return TlsQuicParameters.dissect(ext, tvb, offset, next);
            }
            case RENEGOTIATION_INFO -> {
                ProtoItem r = ext.addText(tvb, offset, next - offset, "Renegotiation Info extension");
                int n = TlsVectors.length(r, tvb, offset, next, RENEG_LENGTH, 0, 255);
                if (n < 0) {
                    return next;
                }
                offset++;
                if (n > 0) {
                    r.add(RENEG, tvb, offset, n);
                    offset += n;
                }
                return offset;
            }
            default -> {
                ext.add(DATA, tvb, offset, next - offset);
                return next;
            }
        }
    }

    private static int serverName(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end, TlsHelloFacts facts) {
        facts.hasServerName = true;
        if (offset == end) {
            return offset; // the server acknowledges the name with an empty extension
        }
        ProtoItem sni = ext.addText(tvb, offset, end - offset, "Server Name Indication extension");
        int listLength = TlsVectors.length(sni, tvb, offset, end, SNI_LIST_LENGTH, 1, 0xffff);
        if (listLength < 0) {
            return end;
        }
        offset += 2;
        int next = offset + listLength;
        while (offset < next) {
            sni.add(SNI_TYPE, tvb, offset, 1);
            offset++;
            int n = TlsVectors.length(sni, tvb, offset, next, SNI_LENGTH, 1, 0xffff);
            if (n < 0) {
                return next;
            }
            offset += 2;
            String name = tvb.ascii(offset, n);
            if (facts.serverName == null) {
                facts.serverName = name;
            }
            sni.addString(SNI, tvb, offset, n, name);
            offset += n;
        }
        return offset;
    }

    private static int supportedGroups(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end, TlsHelloFacts facts) {
        int n = TlsVectors.length(ext, tvb, offset, end, GROUPS_LENGTH, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        ProtoItem list = ext.add(GROUPS, tvb, offset, n);
        if (ctx.detailed) {
            list.setText("Supported Groups (" + n / 2 + " group" + (n / 2 == 1 ? ")" : "s)"));
        }
        // tshark walks to the end of the extension rather than of the list.
        while (offset + 2 <= end) {
            facts.groups.add(tvb.u16(offset));
            list.add(GROUP, tvb, offset, 2);
            offset += 2;
        }
        if (!TlsVectors.end(list, tvb, offset, next)) {
            offset = next;
        }
        return offset;
    }

    /** {@code SignatureScheme supported_signature_algorithms<2..2^16-2>}, also used by CertificateRequest. */
    static int signatureAlgorithms(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, TlsHelloFacts facts) {
        int n = TlsVectors.length(tree, tvb, offset, end, SIG_ALGS_LENGTH, 2, 0xfffe);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        ProtoItem list = tree.add(SIG_ALGS, tvb, offset, n);
        if (ctx.detailed) {
            list.setText("Signature Hash Algorithms (" + n / 2 + " algorithm" + (n / 2 == 1 ? ")" : "s)"));
        }
        while (offset + 2 <= next) {
            if (facts != null) {
                facts.signatureAlgorithms.add(tvb.u16(offset));
            }
            signatureAlgorithm(ctx, list, tvb, offset);
            offset += 2;
        }
        if (!TlsVectors.end(list, tvb, offset, next)) {
            offset = next;
        }
        return offset;
    }

    /**
     * One SignatureScheme (TLS 1.3) or SignatureAndHashAlgorithm (TLS 1.2): named by its 1.3 scheme,
     * else as "hash signature" from its two bytes.
     */
    static void signatureAlgorithm(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset) {
        int value = tvb.u16(offset);
        ProtoItem item = tree.add(SIG_ALG, tvb, offset, 2);
        item.add(SIG_HASH, tvb, offset, 1);
        item.add(SIG_SIG, tvb, offset + 1, 1);
        if (ctx.detailed && TlsValues.SIGNATURE_SCHEMES.name(value) == null) {
            item.setText("Signature Algorithm: " + TlsValues.HASH_ALGORITHMS.nameOr(value >> 8, "Unknown") + " "
                    + TlsValues.SIGNATURE_ALGORITHMS.nameOr(value & 0xff, "Unknown") + " (0x"
                    + String.format("%04x", value) + ")");
        }
    }

    private static int alpn(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end, int message,
            TlsHelloFacts facts) {
        int n = TlsVectors.length(ext, tvb, offset, end, ALPN_LENGTH, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        ProtoItem list = ext.add(ALPN_LIST, tvb, offset, n);
        String chosen = null;
        StringBuilder all = new StringBuilder();
        while (offset < next) {
            int len = TlsVectors.length(list, tvb, offset, next, ALPN_STR_LENGTH, 1, 0xff);
            if (len < 0) {
                return next;
            }
            offset++;
            String name = new String(tvb.bytes(offset, len), StandardCharsets.ISO_8859_1);
            list.addString(ALPN_STR, tvb, offset, len, name);
            if (facts.firstAlpn == null) {
                facts.firstAlpn = name;
            }
            if (!all.isEmpty()) {
                all.append(',');
            }
            all.append(name);
            if (message == TlsHandshakeDissector.SERVER_HELLO || message == TlsHandshakeDissector.ENCRYPTED_EXTENSIONS) {
                chosen = name; // the server names exactly one protocol
            }
            offset += len;
        }
        facts.alpnList = all.toString();
        if (chosen != null) {
            ctx.session.alpnChosen = chosen;
            String app = TlsAppProtocols.byAlpn(chosen);
            if (app != null) {
                ctx.session.alpnProtocolName = app;
            }
        }
        return offset;
    }

    /** ALPS (draft-vvv-tls-alps): the ALPN protocols with settings in a ClientHello, the settings elsewhere. */
    private static int applicationSettings(ProtoItem ext, Tvb tvb, int offset, int end, int message) {
        if (message != TlsHandshakeDissector.CLIENT_HELLO) {
            ext.add(ALPS_SETTINGS, tvb, offset, end - offset);
            return end;
        }
        int n = TlsVectors.length(ext, tvb, offset, end, ALPS_LENGTH, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        ProtoItem list = ext.add(ALPS_LIST, tvb, offset, n);
        while (offset < next) {
            int len = TlsVectors.length(list, tvb, offset, next, ALPS_STR_LENGTH, 1, 0xff);
            if (len < 0) {
                return next;
            }
            offset++;
            list.add(ALPS_STR, tvb, offset, len);
            offset += len;
        }
        return offset;
    }

    private static int npn(ProtoItem ext, Tvb tvb, int offset, int end) {
        if (offset == end) {
            return offset;
        }
        ProtoItem npn = ext.addText(tvb, offset, end - offset, "Next Protocol Negotiation");
        while (offset < end) {
            int n = TlsVectors.length(npn, tvb, offset, end, NPN_STR_LENGTH, 1, 0xff);
            if (n < 0) {
                return end;
            }
            offset++;
            npn.add(NPN_STR, tvb, offset, n);
            offset += n;
        }
        return offset;
    }

    private static int supportedVersions(TlsContext ctx, ProtoItem ext, Tvb tvb, int offset, int end,
            TlsHelloFacts facts) {
        int n = TlsVectors.length(ext, tvb, offset, end, SUPPORTED_VERSIONS_LENGTH, 2, 254);
        if (n < 0) {
            return end;
        }
        offset++;
        int next = offset + n;
        while (offset + 2 <= next) {
            facts.supportedVersions.add(tvb.u16(offset));
            ext.add(SUPPORTED_VERSION, tvb, offset, 2);
            offset += 2;
        }
        if (!TlsVectors.end(ext, tvb, offset, next)) {
            offset = next;
        }
        return offset;
    }

    private static int certType(ProtoItem ext, Tvb tvb, int offset, int end, int message) {
        if (message == TlsHandshakeDissector.CLIENT_HELLO) {
            int n = tvb.u8(offset);
            ext.add(CERT_TYPES_LENGTH, tvb, offset, 1);
            offset++;
            if (end - offset != n) {
                return offset;
            }
            ProtoItem list = ext.addUint(CERT_TYPES, tvb, offset, n, n).appendText(" (" + n + ")");
            for (int i = 0; i < n; i++) {
                list.add(CERT_TYPE_VALUE, tvb, offset, 1);
                offset++;
            }
            return offset;
        }
        if (message == TlsHandshakeDissector.SERVER_HELLO || message == TlsHandshakeDissector.ENCRYPTED_EXTENSIONS
                || message == TlsHandshakeDissector.CERTIFICATE) {
            ext.add(CERT_TYPE_VALUE, tvb, offset, 1);
            return offset + 1;
        }
        return offset;
    }
}
