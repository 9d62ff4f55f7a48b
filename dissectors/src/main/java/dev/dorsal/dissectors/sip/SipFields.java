package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import java.util.List;

/**
 * The fields of SIP's start lines and of the parts tshark 4.0.17 splits structured headers into
 * (URIs of name-addr headers, Via, CSeq, RAck, credentials, Reason), its transaction tracking, and
 * its expert infos. The header fields themselves are in {@link SipHeaders}.
 */
final class SipFields {
    static final FieldDef MSG_HDR = FieldDef.string("sip.msg_hdr", "Message Header");
    static final FieldDef METHOD = FieldDef.string("sip.Method", "Method");
    static final FieldDef REQUEST_LINE = FieldDef.string("sip.Request-Line", "Request-Line");
    static final FieldDef STATUS_CODE = FieldDef.uint32("sip.Status-Code", "Status-Code");
    static final FieldDef STATUS_LINE = FieldDef.string("sip.Status-Line", "Status-Line");
    static final FieldDef DISPLAY_INFO = FieldDef.string("sip.display.info", "SIP Display info");
    static final FieldDef TAG = FieldDef.string("sip.tag", "SIP tag");
    static final FieldDef CONTACT_PARAMETER = FieldDef.string("sip.contact.parameter", "Contact parameter");
    static final FieldDef MSG_BODY = FieldDef.none("sip.msg_body", "Message Body");
    static final FieldDef CONTINUATION = FieldDef.bytes("sip.continuation", "Continuation data");
    static final FieldDef CALL_ID_GENERATED = FieldDef.string("sip.call_id_generated", "Generated Call-ID");

    /** The items of one kind of URI: request line, To, From, Contact, the route headers, P-Asserted-Identity… */
    record UriFields(FieldDef display, FieldDef uri, FieldDef user, FieldDef host, FieldDef port, FieldDef param) {
        List<FieldDef> all() {
            return List.of(display, uri, user, host, port, param);
        }
    }

    static final UriFields R_URI = new UriFields(FieldDef.string("sip.r-uri.display.info", "Request-URI display info"),
            FieldDef.string("sip.r-uri", "Request-URI"), FieldDef.string("sip.r-uri.user", "Request-URI User Part"),
            FieldDef.string("sip.r-uri.host", "Request-URI Host Part"),
            FieldDef.string("sip.r-uri.port", "Request-URI Host Port"),
            FieldDef.string("sip.r-uri.param", "Request URI parameter"));
    static final UriFields TO = new UriFields(FieldDef.string("sip.to.display.info", "SIP to display info"),
            FieldDef.string("sip.to.addr", "SIP to address"), FieldDef.string("sip.to.user", "SIP to address User Part"),
            FieldDef.string("sip.to.host", "SIP to address Host Part"),
            FieldDef.string("sip.to.port", "SIP to address Host Port"),
            FieldDef.string("sip.to.param", "SIP To URI parameter"));
    static final FieldDef TO_TAG = FieldDef.string("sip.to.tag", "SIP to tag");
    static final UriFields FROM = new UriFields(FieldDef.string("sip.from.display.info", "SIP from display info"),
            FieldDef.string("sip.from.addr", "SIP from address"),
            FieldDef.string("sip.from.user", "SIP from address User Part"),
            FieldDef.string("sip.from.host", "SIP from address Host Part"),
            FieldDef.string("sip.from.port", "SIP from address Host Port"),
            FieldDef.string("sip.from.param", "SIP From URI parameter"));
    static final FieldDef FROM_TAG = FieldDef.string("sip.from.tag", "SIP from tag");
    static final UriFields CONTACT = new UriFields(
            FieldDef.string("sip.contact.display.info", "SIP C-URI display info"),
            FieldDef.string("sip.contact.uri", "Contact URI"), FieldDef.string("sip.contact.user", "Contact URI User Part"),
            FieldDef.string("sip.contact.host", "Contact URI Host Part"),
            FieldDef.string("sip.contact.port", "Contact URI Host Port"),
            FieldDef.string("sip.contact.param", "Contact URI parameter"));
    static final UriFields ROUTE = route("Route");
    static final UriFields RECORD_ROUTE = route("Record-Route");
    static final UriFields SERVICE_ROUTE = route("Service-Route");
    static final UriFields PATH = new UriFields(FieldDef.string("sip.Path.display.info", "Path URI"),
            FieldDef.string("sip.Path.uri", "Path URI"), FieldDef.string("sip.Path.user", "Path Userinfo"),
            FieldDef.string("sip.Path.host", "Path Host Part"), FieldDef.string("sip.Path.port", "Path Host Port"),
            FieldDef.string("sip.Path.param", "Path URI parameter"));
    static final UriFields PAI = identity("pai", "PAI", "P-Asserted-Identity");
    static final UriFields PPI = identity("ppi", "PPI", "P-Preferred-Identity");

    static final FieldDef CSEQ_SEQ = FieldDef.uint32("sip.CSeq.seq", "Sequence Number");
    static final FieldDef CSEQ_METHOD = FieldDef.string("sip.CSeq.method", "Method");
    static final FieldDef RACK_RSEQ = FieldDef.uint32("sip.RAck.RSeq.seq", "RSeq Sequence Number");
    static final FieldDef RACK_CSEQ = FieldDef.uint32("sip.RAck.CSeq.seq", "CSeq Sequence Number");
    static final FieldDef RACK_METHOD = FieldDef.string("sip.RAck.CSeq.method", "CSeq Method");

    static final FieldDef VIA_TRANSPORT = FieldDef.string("sip.Via.transport", "Transport");
    static final FieldDef VIA_SENT_BY_ADDRESS = FieldDef.string("sip.Via.sent-by.address", "Sent-by Address");
    static final FieldDef VIA_SENT_BY_PORT = FieldDef.uint16("sip.Via.sent-by.port", "Sent-by port");
    static final FieldDef VIA_BRANCH = FieldDef.string("sip.Via.branch", "Branch");
    static final FieldDef VIA_MADDR = FieldDef.string("sip.Via.maddr", "Maddr");
    static final FieldDef VIA_RPORT = FieldDef.string("sip.Via.rport", "RPort");
    static final FieldDef VIA_RECEIVED = FieldDef.string("sip.Via.received", "Received");
    static final FieldDef VIA_TTL = FieldDef.string("sip.Via.ttl", "TTL");
    static final FieldDef VIA_COMP = FieldDef.string("sip.Via.comp", "Comp");
    static final FieldDef VIA_SIGCOMP_ID = FieldDef.string("sip.Via.sigcomp-id", "Sigcomp identifier");

    static final FieldDef AUTH = FieldDef.string("sip.auth", "Authentication");
    static final FieldDef AUTH_SCHEME = FieldDef.string("sip.auth.scheme", "Authentication Scheme");
    static final FieldDef AUTH_DIGEST_RESPONSE = FieldDef.string("sip.auth.digest.response",
            "Digest Authentication Response");
    static final FieldDef AUTH_NC = FieldDef.string("sip.auth.nc", "Nonce Count");
    static final FieldDef AUTH_USERNAME = FieldDef.string("sip.auth.username", "Username");
    static final FieldDef AUTH_REALM = FieldDef.string("sip.auth.realm", "Realm");
    static final FieldDef AUTH_NONCE = FieldDef.string("sip.auth.nonce", "Nonce Value");
    static final FieldDef AUTH_ALGORITHM = FieldDef.string("sip.auth.algorithm", "Algorithm");
    static final FieldDef AUTH_OPAQUE = FieldDef.string("sip.auth.opaque", "Opaque Value");
    static final FieldDef AUTH_QOP = FieldDef.string("sip.auth.qop", "QOP");
    static final FieldDef AUTH_CNONCE = FieldDef.string("sip.auth.cnonce", "CNonce Value");
    static final FieldDef AUTH_URI = FieldDef.string("sip.auth.uri", "Authentication URI");
    static final FieldDef AUTH_DOMAIN = FieldDef.string("sip.auth.domain", "Authentication Domain");
    static final FieldDef AUTH_STALE = FieldDef.string("sip.auth.stale", "Stale Flag");
    static final FieldDef AUTH_AUTS = FieldDef.string("sip.auth.auts", "Authentication Token");
    static final FieldDef AUTH_RSPAUTH = FieldDef.string("sip.auth.rspauth", "Response auth");
    static final FieldDef AUTH_NEXTNONCE = FieldDef.string("sip.auth.nextnonce", "Next Nonce");
    static final FieldDef AUTH_IK = FieldDef.string("sip.auth.ik", "Integrity Key");
    static final FieldDef AUTH_CK = FieldDef.string("sip.auth.ck", "Cyphering Key");

    static final FieldDef REASON_PROTOCOLS = FieldDef.string("sip.reason_protocols", "Reason protocols");
    static final FieldDef REASON_CAUSE_Q850 = FieldDef.uint32("sip.reason_cause_q850", "Cause")
            .base(dev.dorsal.engine.spi.Base.DEC_HEX).vals(SipValues.Q850_CAUSES);
    static final FieldDef REASON_CAUSE_SIP = FieldDef.uint32("sip.reason_cause_sip", "Cause").vals(SipValues.RESPONSES);
    static final FieldDef REASON_CAUSE_OTHER = FieldDef.uint32("sip.reason_cause_other", "Cause");
    static final FieldDef REASON_TEXT = FieldDef.string("sip.reason_text", "Text");

    static final FieldDef RESEND = FieldDef.bool("sip.resend", "Resent Packet");
    static final FieldDef RESEND_ORIGINAL = FieldDef.framenum("sip.resend-original", "Suspected resend of frame");
    static final FieldDef RESPONSE_REQUEST = FieldDef.framenum("sip.response-request", "Request Frame");
    static final FieldDef RESPONSE_TIME = FieldDef.uint32("sip.response-time", "Response Time (ms)");
    static final FieldDef RELEASE_TIME = FieldDef.uint32("sip.release-time", "Release Time (ms)");

    static final ExpertDef UNRECOGNIZED_HEADER = new ExpertDef("sip.unrecognized_header", "Unrecognised SIP header",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);
    static final ExpertDef HEADER_NO_COLON = new ExpertDef("sip.header_no_colon", "Header has no colon after the name",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.WARN);
    static final ExpertDef HEADER_NOT_TERMINATED = new ExpertDef("sip.header_not_terminated",
            "Header not terminated by empty line (CRLF)", ExpertDef.Group.MALFORMED, ExpertDef.Severity.WARN);
    static final ExpertDef CONTENT_LENGTH_INVALID = new ExpertDef("sip.content_length.invalid",
            "Invalid content_length", ExpertDef.Group.MALFORMED, ExpertDef.Severity.NOTE);
    static final ExpertDef RETRY_AFTER_INVALID = new ExpertDef("sip.retry_after.invalid", "Invalid retry_after value",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.NOTE);

    static final ExpertDef VIA_PORT_INVALID = new ExpertDef("sip.Via.sent-by.port.invalid",
            "Invalid SIP Via sent-by-port", ExpertDef.Group.MALFORMED, ExpertDef.Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(UNRECOGNIZED_HEADER, HEADER_NO_COLON, HEADER_NOT_TERMINATED,
            CONTENT_LENGTH_INVALID, RETRY_AFTER_INVALID, VIA_PORT_INVALID);

    private SipFields() {}

    private static UriFields route(String h) {
        return new UriFields(FieldDef.string("sip." + h + ".display.info", h + " display info"),
                FieldDef.string("sip." + h + ".uri", h + " URI"), FieldDef.string("sip." + h + ".user", h + " Userinfo"),
                FieldDef.string("sip." + h + ".host", h + " Host Part"),
                FieldDef.string("sip." + h + ".port", h + " Host Port"),
                FieldDef.string("sip." + h + ".param", h + " URI parameter"));
    }

    private static UriFields identity(String key, String label, String rfc) {
        return new UriFields(FieldDef.string("sip." + key + ".display.info", "SIP " + label + " display info"),
                FieldDef.string("sip." + key + ".addr", "SIP " + label + " Address"),
                FieldDef.string("sip." + key + ".user", "SIP " + label + " User Part"),
                FieldDef.string("sip." + key + ".host", "SIP " + label + " Host Part"),
                FieldDef.string("sip." + key + ".port", "SIP " + label + " Host Port"),
                FieldDef.string("sip." + key + ".param", "SIP " + label + " URI parameter"));
    }

    /** Every field of this class, for registration. */
    static List<FieldDef> all() {
        List<FieldDef> out = new java.util.ArrayList<>(List.of(MSG_HDR, METHOD, REQUEST_LINE, STATUS_CODE, STATUS_LINE,
                DISPLAY_INFO, TAG, CONTACT_PARAMETER, MSG_BODY, CONTINUATION, CALL_ID_GENERATED, TO_TAG, FROM_TAG,
                CSEQ_SEQ, CSEQ_METHOD, RACK_RSEQ, RACK_CSEQ, RACK_METHOD, VIA_TRANSPORT, VIA_SENT_BY_ADDRESS,
                VIA_SENT_BY_PORT, VIA_BRANCH, VIA_MADDR, VIA_RPORT, VIA_RECEIVED, VIA_TTL, VIA_COMP, VIA_SIGCOMP_ID,
                AUTH, AUTH_SCHEME, AUTH_DIGEST_RESPONSE, AUTH_NC, AUTH_USERNAME, AUTH_REALM, AUTH_NONCE, AUTH_ALGORITHM,
                AUTH_OPAQUE, AUTH_QOP, AUTH_CNONCE, AUTH_URI, AUTH_DOMAIN, AUTH_STALE, AUTH_AUTS, AUTH_RSPAUTH,
                AUTH_NEXTNONCE, AUTH_IK, AUTH_CK, REASON_PROTOCOLS, REASON_CAUSE_Q850, REASON_CAUSE_SIP,
                REASON_CAUSE_OTHER, REASON_TEXT, RESEND, RESEND_ORIGINAL, RESPONSE_REQUEST, RESPONSE_TIME, RELEASE_TIME));
        for (UriFields u : List.of(R_URI, TO, FROM, CONTACT, ROUTE, RECORD_ROUTE, SERVICE_ROUTE, PATH, PAI, PPI)) {
            out.addAll(u.all());
        }
        return out;
    }
}
