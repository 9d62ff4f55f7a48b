package dev.dorsal.dissectors.tls;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Dissects the certificate-related messages and extensions: Certificate (TLS 1.2 list of DER
 * certificates; TLS 1.3 request context and entries with extensions), CertificateRequest,
 * CertificateStatus (OCSP), CompressedCertificate, status_request, signed_certificate_timestamp and
 * certificate_authorities. Each certificate is decoded by {@link X509Dissector} when anyone reads it.
 */
final class TlsCertificates {
    private TlsCertificates() {}

    /** tshark shows an OCSP response as a node of its OCSP protocol; Dorsal keeps it opaque. */
    static final ProtocolDef OCSP = new ProtocolDef("Online Certificate Status Protocol", "OCSP", "ocsp");

    static final FieldDef OCSP_RESPONSE_STATUS = FieldDef.uint32("ocsp.responseStatus", "responseStatus")
            .vals(dev.dorsal.engine.spi.ValueString.of(0, "successful", 1, "malformedRequest", 2, "internalError",
                    3, "tryLater", 5, "sigRequired", 6, "unauthorized"));
    static final FieldDef REQUEST_CONTEXT_LENGTH = FieldDef.uint8("tls.handshake.certificate_request_context_length",
            "Certificate Request Context Length");
    static final FieldDef REQUEST_CONTEXT = FieldDef.bytes("tls.handshake.certificate_request_context",
            "Certificate Request Context");
    static final FieldDef CERTIFICATES_LENGTH = FieldDef.uint24("tls.handshake.certificates_length",
            "Certificates Length");
    static final FieldDef CERTIFICATES = FieldDef.none("tls.handshake.certificates", "Certificates");
    static final FieldDef CERTIFICATE_LENGTH = FieldDef.uint24("tls.handshake.certificate_length", "Certificate Length");
    static final FieldDef CERTIFICATE = FieldDef.bytes("tls.handshake.certificate", "Certificate");
    static final FieldDef CERT_TYPES_COUNT = FieldDef.uint8("tls.handshake.cert_types_count", "Certificate types count");
    static final FieldDef CERT_TYPES = FieldDef.none("tls.handshake.cert_types", "Certificate types");
    static final FieldDef CERT_TYPE = FieldDef.uint8("tls.handshake.cert_type", "Certificate type")
            .vals(TlsValues.CLIENT_CERT_TYPES);
    static final FieldDef DNAMES_LENGTH = FieldDef.uint16("tls.handshake.dnames_len", "Distinguished Names Length");
    static final FieldDef DNAMES = FieldDef.none("tls.handshake.dnames", "Distinguished Names");
    static final FieldDef DNAME_LENGTH = FieldDef.uint16("tls.handshake.dname_len", "Distinguished Name Length");
    static final FieldDef DNAME = FieldDef.none("tls.handshake.dname", "Distinguished Name");
    static final FieldDef STATUS_TYPE = FieldDef.uint8("tls.handshake.extensions_status_request_type",
            "Certificate Status Type").vals(TlsValues.STATUS_REQUEST_TYPES);
    static final FieldDef STATUS_LENGTH = FieldDef.uint16("tls.handshake.extensions_status_request_len",
            "Certificate Status Length");
    static final FieldDef RESPONDER_IDS_LENGTH = FieldDef.uint16(
            "tls.handshake.extensions_status_request_responder_ids_len", "Responder ID list Length");
    static final FieldDef REQUEST_EXTENSIONS_LENGTH = FieldDef.uint16("tls.handshake.extensions_status_request_exts_len",
            "Request Extensions Length");
    static final FieldDef STATUS_LIST_LENGTH = FieldDef.uint16("tls.handshake.extensions_status_request_list_len",
            "Certificate Status List Length");
    static final FieldDef OCSP_LIST_LENGTH = FieldDef.uint24("tls.handshake.ocsp_response_list_len",
            "OCSP Response List Length");
    static final FieldDef OCSP_LENGTH = FieldDef.uint24("tls.handshake.ocsp_response_len", "OCSP Response Length");
    static final FieldDef SCTS_LENGTH = FieldDef.uint16("tls.sct.scts_length", "Serialized SCT List Length");
    static final FieldDef SCT_LENGTH = FieldDef.uint16("tls.sct.sct_length", "Serialized SCT Length");
    static final FieldDef SCT_VERSION = FieldDef.uint8("tls.sct.sct_version", "SCT Version");
    static final FieldDef SCT_LOG_ID = FieldDef.bytes("tls.sct.sct_logid", "Log ID");
    static final FieldDef SCT_TIMESTAMP = FieldDef.absoluteTime("tls.sct.sct_timestamp", "Timestamp");
    static final FieldDef SCT_EXTENSIONS_LENGTH = FieldDef.uint16("tls.sct.sct_extensions_length", "Extensions length");
    static final FieldDef SCT_EXTENSIONS = FieldDef.none("tls.sct.sct_extensions", "Extensions");
    static final FieldDef SCT_SIGNATURE_LENGTH = FieldDef.uint16("tls.sct.sct_signature_length", "Signature Length");
    static final FieldDef SCT_SIGNATURE = FieldDef.bytes("tls.sct.sct_signature", "Signature");
    static final FieldDef UNCOMPRESSED_LENGTH = FieldDef.uint24("tls.compress_certificate.uncompressed_length",
            "Uncompressed Length");
    static final FieldDef COMPRESSED_LENGTH = FieldDef.uint24(
            "tls.compress_certificate.compressed_certificate_message.length", "Length");
    static final FieldDef COMPRESSED_MESSAGE = FieldDef.bytes(
            "tls.compress_certificate.compressed_certificate_message", "Compressed Certificate Message");

    static final List<FieldDef> FIELDS = List.of(REQUEST_CONTEXT_LENGTH, REQUEST_CONTEXT, CERTIFICATES_LENGTH,
            CERTIFICATES, CERTIFICATE_LENGTH, CERTIFICATE, CERT_TYPES_COUNT, CERT_TYPES, CERT_TYPE, DNAMES_LENGTH,
            DNAMES, DNAME_LENGTH, DNAME, STATUS_TYPE, STATUS_LENGTH, RESPONDER_IDS_LENGTH, REQUEST_EXTENSIONS_LENGTH,
            STATUS_LIST_LENGTH, OCSP_LIST_LENGTH, OCSP_LENGTH, SCTS_LENGTH, SCT_LENGTH, SCT_VERSION, SCT_LOG_ID,
            SCT_TIMESTAMP, SCT_EXTENSIONS_LENGTH, SCT_EXTENSIONS, SCT_SIGNATURE_LENGTH, SCT_SIGNATURE,
            UNCOMPRESSED_LENGTH, COMPRESSED_LENGTH, COMPRESSED_MESSAGE);

    static final ExpertDef STATUS_REQUEST_UNDECODED = new ExpertDef("tls.handshake.status_request.undecoded",
            "Responder ID list or Request Extensions are not implemented, contact Wireshark developers if you want "
                    + "this to be supported", ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);

    static void certificate(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        boolean tls13 = ctx.session.version == TlsSession.TLS13;
        if (tls13) {
            int n = TlsVectors.length(hs, tvb, offset, end, REQUEST_CONTEXT_LENGTH, 0, 0xff);
            if (n < 0) {
                return;
            }
            offset++;
            if (n > 0) {
                hs.add(REQUEST_CONTEXT, tvb, offset, n);
                offset += n;
            }
        }
        int listLength = TlsVectors.length(hs, tvb, offset, end, CERTIFICATES_LENGTH, 0, 0xffffff);
        if (listLength < 0) {
            return;
        }
        offset += 3;
        int next = offset + listLength;
        ProtoItem list = hs;
        if (listLength > 0) {
            list = hs.add(CERTIFICATES, tvb, offset, listLength);
            if (ctx.detailed) {
                list.setText("Certificates (" + listLength + " bytes)");
            }
        }
        boolean decode = X509Fields.wanted(ctx.tree);
        int count = 0;
        while (offset < next) {
            int n = TlsVectors.length(list, tvb, offset, next, CERTIFICATE_LENGTH, 1, 0xffffff);
            if (n < 0) {
                return;
            }
            offset += 3;
            ProtoItem cert = list.add(CERTIFICATE, tvb, offset, n);
            if (decode) {
                String subject = X509Dissector.certificate(ctx.pinfo, cert, tvb, offset, n);
                cert.appendText(" (" + subject + ")");
            }
            count++;
            offset += n;
            if (tls13) {
                offset = TlsExtensions.dissect(ctx, list, tvb, offset, next, TlsHandshakeDissector.CERTIFICATE);
            }
        }
        ctx.session.flow.certificates(ctx.fromServer, count);
    }

    static void certificateRequest(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        TlsSession session = ctx.session;
        boolean tls13 = session.version == TlsSession.TLS13;
        if (tls13) {
            int n = TlsVectors.length(hs, tvb, offset, end, REQUEST_CONTEXT_LENGTH, 0, 0xff);
            if (n < 0) {
                return;
            }
            offset++;
            if (n > 0) {
                hs.add(REQUEST_CONTEXT, tvb, offset, n);
                offset += n;
            }
        } else {
            int n = TlsVectors.length(hs, tvb, offset, end, CERT_TYPES_COUNT, 1, 0xff);
            if (n < 0) {
                return;
            }
            offset++;
            ProtoItem types = hs.add(CERT_TYPES, tvb, offset, n);
            if (ctx.detailed) {
                types.setText("Certificate types (" + n + " type" + (n == 1 ? ")" : "s)"));
            }
            for (int i = 0; i < n; i++) {
                types.add(CERT_TYPE, tvb, offset, 1);
                offset++;
            }
        }
        int draft = session.tls13Draft;
        if (session.version == TlsSession.TLS12 || tls13 && draft > 0 && draft < 19) {
            offset = TlsExtensions.signatureAlgorithms(ctx, hs, tvb, offset, end, null);
        }
        if (tls13 && (draft == 0 || draft >= 19)) {
            TlsExtensions.dissect(ctx, hs, tvb, offset, end, TlsHandshakeDissector.CERTIFICATE_REQUEST);
        } else {
            certificateAuthorities(ctx, hs, tvb, offset, end);
        }
        session.flow.certificateRequested();
    }

    /** {@code DistinguishedName certificate_authorities<0..2^16-1>}; returns the offset after it. */
    static int certificateAuthorities(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end) {
        int n = TlsVectors.length(tree, tvb, offset, end, DNAMES_LENGTH, 0, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        if (n > 0) {
            ProtoItem names = tree.add(DNAMES, tvb, offset, n);
            if (ctx.detailed) {
                names.setText("Distinguished Names (" + n + " byte" + (n == 1 ? ")" : "s)"));
            }
            boolean decode = X509Fields.wanted(ctx.tree);
            while (offset < next) {
                int len = TlsVectors.length(names, tvb, offset, next, DNAME_LENGTH, 1, 0xffff);
                if (len < 0) {
                    return next;
                }
                offset += 2;
                if (decode) {
                    Der.Tlv dn = Der.read(tvb, offset, offset + len);
                    X509Names.rdnSequence(ctx.pinfo, names, tvb, dn, DNAME, false);
                } else {
                    names.add(DNAME, tvb, offset, len);
                }
                offset += len;
            }
        }
        return offset;
    }

    /** TLS 1.2 CertificateStatus message, or the TLS 1.3 status_request extension of a certificate. */
    static int certificateStatus(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end) {
        int type = tvb.u8(offset);
        tree.add(STATUS_TYPE, tvb, offset, 1);
        offset++;
        if (type == 1) {
            offset = ocspResponse(tree, tvb, offset, end);
        } else if (type == 2) {
            int n = TlsVectors.length(tree, tvb, offset, end, OCSP_LIST_LENGTH, 1, 0xffffff);
            if (n < 0) {
                return end;
            }
            offset += 3;
            int next = offset + n;
            while (offset < next) {
                offset = ocspResponse(tree, tvb, offset, next);
            }
        }
        return offset;
    }

    private static int ocspResponse(ProtoItem tree, Tvb tvb, int offset, int end) {
        int n = TlsVectors.length(tree, tvb, offset, end, OCSP_LENGTH, 1, 0xffffff);
        if (n < 0) {
            return end;
        }
        offset += 3;
        ProtoItem ocsp = tree.addProtocol(OCSP, tvb, offset, n, "OCSP Response");
        Der.Tlv response = Der.read(tvb, offset, offset + n);
        Der.Tlv status = Der.read(tvb, response.content(), response.end());
        if (status.universal(Der.ENUMERATED)) {
            ocsp.addUint(OCSP_RESPONSE_STATUS, tvb, status.content(), status.length(),
                    Der.integer(tvb, status.content(), status.length()));
        }
        return offset + n;
    }

    /** The status_request extension of a ClientHello (and each item of status_request_v2). */
    static int statusRequest(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end, boolean hasLength) {
        int type = tvb.u8(offset);
        tree.add(STATUS_TYPE, tvb, offset, 1);
        offset++;
        if (hasLength) {
            tree.add(STATUS_LENGTH, tvb, offset, 2);
            offset += 2;
        }
        if (type == 1 || type == 2) {
            int ids = TlsVectors.length(tree, tvb, offset, end, RESPONDER_IDS_LENGTH, 0, 0xffff);
            if (ids < 0) {
                return end;
            }
            offset += 2;
            if (ids != 0) {
                tree.addText(tvb, offset, ids, "Responder ID list is not implemented, contact Wireshark developers if "
                        + "you want this to be supported").expert(STATUS_REQUEST_UNDECODED,
                        "Responder ID list is not implemented, contact Wireshark developers if you want this to be supported");
            }
            offset += ids;
            int exts = TlsVectors.length(tree, tvb, offset, end, REQUEST_EXTENSIONS_LENGTH, 0, 0xffff);
            if (exts < 0) {
                return end;
            }
            offset += 2;
            if (exts != 0) {
                tree.addText(tvb, offset, exts, "Request Extensions are not implemented, contact Wireshark developers "
                        + "if you want this to be supported").expert(STATUS_REQUEST_UNDECODED,
                        "Request Extensions are not implemented, contact Wireshark developers if you want this to be supported");
            }
            offset += exts;
        }
        return offset;
    }

    static int statusRequestV2(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end) {
        int n = TlsVectors.length(tree, tvb, offset, end, STATUS_LIST_LENGTH, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        int next = offset + n;
        while (offset < next) {
            offset = statusRequest(ctx, tree, tvb, offset, next, true);
        }
        return offset;
    }

    /** {@code SerializedSCT sct_list<1..2^16-1>} (RFC 6962, section 3.3). */
    static int sctList(TlsContext ctx, ProtoItem tree, Tvb tvb, int offset, int end) {
        int n = TlsVectors.length(tree, tvb, offset, end, SCTS_LENGTH, 1, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        while (offset < end) {
            ProtoItem sct = tree.addText(tvb, offset, 2, "Signed Certificate Timestamp");
            int len = TlsVectors.length(sct, tvb, offset, end, SCT_LENGTH, 1, 0xffff);
            if (len < 0) {
                return end;
            }
            offset += 2;
            int next = offset + len;
            sct.setLength(2 + len);
            offset = sct(ctx, sct, tvb, offset, next);
            if (!TlsVectors.end(sct, tvb, offset, next)) {
                offset = next;
            }
        }
        return offset;
    }

    private static int sct(TlsContext ctx, ProtoItem sct, Tvb tvb, int offset, int end) {
        int version = tvb.u8(offset);
        sct.add(SCT_VERSION, tvb, offset, 1);
        offset++;
        if (version != 0) {
            return offset;
        }
        sct.add(SCT_LOG_ID, tvb, offset, 32);
        sct.appendText(" (Unknown Log)");
        offset += 32;
        long ms = tvb.u64(offset);
        sct.addTime(SCT_TIMESTAMP, tvb, offset, 8, ms * 1_000_000L);
        offset += 8;
        int n = TlsVectors.length(sct, tvb, offset, end, SCT_EXTENSIONS_LENGTH, 0, 0xffff);
        if (n < 0) {
            return end;
        }
        offset += 2;
        if (n > 0) {
            sct.add(SCT_EXTENSIONS, tvb, offset, n);
            offset += n;
        }
        return TlsKeyExchange.digitallySigned(ctx, sct, tvb, offset, end, ctx.session.version, SCT_SIGNATURE_LENGTH,
                SCT_SIGNATURE);
    }

    static void compressedCertificate(TlsContext ctx, ProtoItem hs, Tvb tvb, int offset, int end) {
        hs.add(TlsExtensions.COMPRESS_ALGORITHM, tvb, offset, 2);
        offset += 2;
        hs.add(UNCOMPRESSED_LENGTH, tvb, offset, 3);
        offset += 3;
        int n = TlsVectors.length(hs, tvb, offset, end, COMPRESSED_LENGTH, 1, 0xffffff);
        if (n < 0) {
            return;
        }
        offset += 3;
        hs.add(COMPRESSED_MESSAGE, tvb, offset, n);
    }
}
