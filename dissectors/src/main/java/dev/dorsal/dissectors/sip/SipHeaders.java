package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.FieldDef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SIP headers tshark 4.0.17 makes a field of ({@code sip.<Header-Name>}), and the lookup of a
 * header line's name, full or compact (RFC 3261 §7.3.3 and the extensions' one-letter forms), case
 * insensitive. A header not named here is shown as text with an "Unrecognised SIP header" note.
 */
final class SipHeaders {
    static final FieldDef ACCEPT = FieldDef.string("sip.Accept", "Accept");
    static final FieldDef ACCEPT_CONTACT = FieldDef.string("sip.Accept-Contact", "Accept-Contact");
    static final FieldDef ACCEPT_ENCODING = FieldDef.string("sip.Accept-Encoding", "Accept-Encoding");
    static final FieldDef ACCEPT_LANGUAGE = FieldDef.string("sip.Accept-Language", "Accept-Language");
    static final FieldDef ACCEPT_RESOURCE_PRIORITY = FieldDef.string("sip.Accept-Resource-Priority", "Accept-Resource-Priority");
    static final FieldDef ADDITIONAL_IDENTITY = FieldDef.string("sip.Additional-Identity", "Additional-Identity");
    static final FieldDef ALERT_INFO = FieldDef.string("sip.Alert-Info", "Alert-Info");
    static final FieldDef ALLOW = FieldDef.string("sip.Allow", "Allow");
    static final FieldDef ALLOW_EVENTS = FieldDef.string("sip.Allow-Events", "Allow-Events");
    static final FieldDef ANSWER_MODE = FieldDef.string("sip.Answer-Mode", "Answer-Mode");
    static final FieldDef ATTESTATION_INFO = FieldDef.string("sip.Attestation-Info", "Attestation-Info");
    static final FieldDef AUTHENTICATION_INFO = FieldDef.string("sip.Authentication-Info", "Authentication-Info");
    static final FieldDef AUTHORIZATION = FieldDef.string("sip.Authorization", "Authorization");
    static final FieldDef CALL_ID = FieldDef.string("sip.Call-ID", "Call-ID");
    static final FieldDef CALL_INFO = FieldDef.string("sip.Call-Info", "Call-Info");
    static final FieldDef CELLULAR_NETWORK_INFO = FieldDef.string("sip.Cellular-Network-Info", "Cellular-Network-Info");
    static final FieldDef CONTACT = FieldDef.string("sip.Contact", "Contact");
    static final FieldDef CONTENT_DISPOSITION = FieldDef.string("sip.Content-Disposition", "Content-Disposition");
    static final FieldDef CONTENT_ENCODING = FieldDef.string("sip.Content-Encoding", "Content-Encoding");
    static final FieldDef CONTENT_LANGUAGE = FieldDef.string("sip.Content-Language", "Content-Language");
    static final FieldDef CONTENT_LENGTH = FieldDef.uint32("sip.Content-Length", "Content-Length");
    static final FieldDef CONTENT_TYPE = FieldDef.string("sip.Content-Type", "Content-Type");
    static final FieldDef CSEQ = FieldDef.string("sip.CSeq", "CSeq");
    static final FieldDef DATE = FieldDef.string("sip.Date", "Date");
    static final FieldDef ERROR_INFO = FieldDef.string("sip.Error-Info", "Error-Info");
    static final FieldDef EVENT = FieldDef.string("sip.Event", "Event");
    static final FieldDef EXPIRES = FieldDef.uint32("sip.Expires", "Expires");
    static final FieldDef FEATURE_CAPS = FieldDef.string("sip.Feature-Caps", "Feature-Caps");
    static final FieldDef FLOW_TIMER = FieldDef.string("sip.Flow-Timer", "Flow-Timer");
    static final FieldDef FROM = FieldDef.string("sip.From", "From");
    static final FieldDef GEOLOCATION = FieldDef.string("sip.Geolocation", "Geolocation");
    static final FieldDef GEOLOCATION_ERROR = FieldDef.string("sip.Geolocation-Error", "Geolocation-Error");
    static final FieldDef GEOLOCATION_ROUTING = FieldDef.string("sip.Geolocation-Routing", "Geolocation-Routing");
    static final FieldDef HISTORY_INFO = FieldDef.string("sip.History-Info", "History-Info");
    static final FieldDef IDENTITY = FieldDef.string("sip.Identity", "Identity");
    static final FieldDef IDENTITY_INFO = FieldDef.string("sip.Identity-info", "Identity-info");
    static final FieldDef INFO_PACKAGE = FieldDef.string("sip.Info-Package", "Info-Package");
    static final FieldDef IN_REPLY_TO = FieldDef.string("sip.In-Reply-To", "In-Reply-To");
    static final FieldDef JOIN = FieldDef.string("sip.Join", "Join");
    static final FieldDef MAX_BREADTH = FieldDef.uint32("sip.Max-Breadth", "Max-Breadth");
    static final FieldDef MAX_FORWARDS = FieldDef.uint32("sip.Max-Forwards", "Max-Forwards");
    static final FieldDef MIME_VERSION = FieldDef.string("sip.MIME-Version", "MIME-Version");
    static final FieldDef MIN_EXPIRES = FieldDef.string("sip.Min-Expires", "Min-Expires");
    static final FieldDef MIN_SE = FieldDef.string("sip.Min-SE", "Min-SE");
    static final FieldDef ORGANIZATION = FieldDef.string("sip.Organization", "Organization");
    static final FieldDef ORIGINATION_ID = FieldDef.string("sip.Origination-Id", "Origination-Id");
    static final FieldDef P_ACCESS_NETWORK_INFO = FieldDef.string("sip.P-Access-Network-Info", "P-Access-Network-Info");
    static final FieldDef P_ANSWER_STATE = FieldDef.string("sip.P-Answer-State", "P-Answer-State");
    static final FieldDef P_ASSERTED_IDENTITY = FieldDef.string("sip.P-Asserted-Identity", "P-Asserted-Identity");
    static final FieldDef P_ASSERTED_SERVICE = FieldDef.string("sip.P-Asserted-Service", "P-Asserted-Service");
    static final FieldDef P_CHARGE_INFO = FieldDef.string("sip.P-Charge-Info", "P-Charge-Info");
    static final FieldDef P_ASSOCIATED_URI = FieldDef.string("sip.P-Associated-URI", "P-Associated-URI");
    static final FieldDef P_CALLED_PARTY_ID = FieldDef.string("sip.P-Called-Party-ID", "P-Called-Party-ID");
    static final FieldDef P_CHARGING_FUNCTION_ADDRESSES = FieldDef.string("sip.P-Charging-Function-Addresses", "P-Charging-Function-Addresses");
    static final FieldDef P_CHARGING_VECTOR = FieldDef.string("sip.P-Charging-Vector", "P-Charging-Vector");
    static final FieldDef P_DCS_TRACE_PARTY_ID = FieldDef.string("sip.P-DCS-Trace-Party-ID", "P-DCS-Trace-Party-ID");
    static final FieldDef P_DCS_OSPS = FieldDef.string("sip.P-DCS-OSPS", "P-DCS-OSPS");
    static final FieldDef P_DCS_BILLING_INFO = FieldDef.string("sip.P-DCS-Billing-Info", "P-DCS-Billing-Info");
    static final FieldDef P_DCS_LAES = FieldDef.string("sip.P-DCS-LAES", "P-DCS-LAES");
    static final FieldDef P_DCS_REDIRECT = FieldDef.string("sip.P-DCS-Redirect", "P-DCS-Redirect");
    static final FieldDef P_EARLY_MEDIA = FieldDef.string("sip.P-Early-Media", "P-Early-Media");
    static final FieldDef P_MEDIA_AUTHORIZATION = FieldDef.string("sip.P-Media-Authorization", "P-Media-Authorization");
    static final FieldDef P_PREFERRED_IDENTITY = FieldDef.string("sip.P-Preferred-Identity", "P-Preferred-Identity");
    static final FieldDef P_PREFERRED_SERVICE = FieldDef.string("sip.P-Preferred-Service", "P-Preferred-Service");
    static final FieldDef P_PROFILE_KEY = FieldDef.string("sip.P-Profile-Key", "P-Profile-Key");
    static final FieldDef P_REFUSED_URI_LIST = FieldDef.string("sip.P-Refused-URI-List", "P-Refused-URI-List");
    static final FieldDef P_SERVED_USER = FieldDef.string("sip.P-Served-User", "P-Served-User");
    static final FieldDef P_USER_DATABASE = FieldDef.string("sip.P-User-Database", "P-User-Database");
    static final FieldDef P_VISITED_NETWORK_ID = FieldDef.string("sip.P-Visited-Network-ID", "P-Visited-Network-ID");
    static final FieldDef PATH = FieldDef.string("sip.Path", "Path");
    static final FieldDef PERMISSION_MISSING = FieldDef.string("sip.Permission-Missing", "Permission-Missing");
    static final FieldDef POLICY_CONTACT = FieldDef.string("sip.Policy_Contact", "Policy-Contact");
    static final FieldDef POLICY_ID = FieldDef.string("sip.Policy_ID", "Policy-ID");
    static final FieldDef PRIORITY = FieldDef.string("sip.Priority", "Priority");
    static final FieldDef PRIORITY_SHARE = FieldDef.string("sip.Priority-Share", "Priority-Share");
    static final FieldDef PRIV_ANSWER_MODE = FieldDef.string("sip.Priv-Answer-mode", "Priv-Answer-mode");
    static final FieldDef PRIVACY = FieldDef.string("sip.Privacy", "Privacy");
    static final FieldDef PROXY_AUTHENTICATE = FieldDef.string("sip.Proxy-Authenticate", "Proxy-Authenticate");
    static final FieldDef PROXY_AUTHORIZATION = FieldDef.string("sip.Proxy-Authorization", "Proxy-Authorization");
    static final FieldDef PROXY_REQUIRE = FieldDef.string("sip.Proxy-Require", "Proxy-Require");
    static final FieldDef RACK = FieldDef.string("sip.RAck", "RAck");
    static final FieldDef REASON = FieldDef.string("sip.Reason", "Reason");
    static final FieldDef REASON_PHRASE = FieldDef.string("sip.Reason-Phrase", "Reason-Phrase");
    static final FieldDef RECORD_ROUTE = FieldDef.string("sip.Record-Route", "Record-Route");
    static final FieldDef RECV_INFO = FieldDef.string("sip.Recv-Info", "Recv-Info");
    static final FieldDef REFER_SUB = FieldDef.string("sip.Refer-Sub", "Refer-Sub");
    static final FieldDef REFER_TO = FieldDef.string("sip.Refer-To", "Refer-To");
    static final FieldDef REFERRED_BY = FieldDef.string("sip.Referred-by", "Referred By");
    static final FieldDef REJECT_CONTACT = FieldDef.string("sip.Reject-Contact", "Reject-Contact");
    static final FieldDef RELAYED_CHARGE = FieldDef.string("sip.Relayed-Charge", "Relayed-Charge");
    static final FieldDef REPLACES = FieldDef.string("sip.Replaces", "Replaces");
    static final FieldDef REPLY_TO = FieldDef.string("sip.Reply-To", "Reply-To");
    static final FieldDef REQUEST_DISPOSITION = FieldDef.string("sip.Request-Disposition", "Request-Disposition");
    static final FieldDef REQUIRE = FieldDef.string("sip.Require", "Require");
    static final FieldDef RESOURCE_PRIORITY = FieldDef.string("sip.Resource-Priority", "Resource-Priority");
    static final FieldDef RESOURCE_SHARE = FieldDef.string("sip.Resource-Share", "Resource-Share");
    static final FieldDef RESPONSE_SOURCE = FieldDef.string("sip.Response-Source", "Response-Source");
    static final FieldDef RESTORATION_INFO = FieldDef.string("sip.Restoration-Info", "Restoration-Info");
    static final FieldDef RETRY_AFTER = FieldDef.uint32("sip.Retry-After", "Retry-After");
    static final FieldDef ROUTE = FieldDef.string("sip.Route", "Route");
    static final FieldDef RSEQ = FieldDef.uint32("sip.RSeq", "RSeq");
    static final FieldDef SECURITY_CLIENT = FieldDef.string("sip.Security-Client", "Security-Client");
    static final FieldDef SECURITY_SERVER = FieldDef.string("sip.Security-Server", "Security-Server");
    static final FieldDef SECURITY_VERIFY = FieldDef.string("sip.Security-Verify", "Security-Verify");
    static final FieldDef SERVER = FieldDef.string("sip.Server", "Server");
    static final FieldDef SERVICE_INTERACT_INFO = FieldDef.string("sip.Service-Interact-Info", "Service-Interact-Info");
    static final FieldDef SERVICE_ROUTE = FieldDef.string("sip.Service-Route", "Service-Route");
    static final FieldDef SESSION_EXPIRES = FieldDef.string("sip.Session-Expires", "Session-Expires");
    static final FieldDef SESSION_ID = FieldDef.string("sip.Session-ID", "Session-ID");
    static final FieldDef ETAG = FieldDef.string("sip.ETag", "ETag");
    static final FieldDef IF_MATCH = FieldDef.string("sip.If_Match", "If_Match");
    static final FieldDef SUBJECT = FieldDef.string("sip.Subject", "Subject");
    static final FieldDef SUBSCRIPTION_STATE = FieldDef.string("sip.Subscription-State", "Subscription-State");
    static final FieldDef SUPPORTED = FieldDef.string("sip.Supported", "Supported");
    static final FieldDef SUPPRESS_IF_MATCH = FieldDef.string("sip.Suppress_If_Match", "Suppress-If-Match");
    static final FieldDef TARGET_DIALOG = FieldDef.string("sip.Target-Dialog", "Target-Dialog");
    static final FieldDef TIMESTAMP = FieldDef.string("sip.Timestamp", "Timestamp");
    static final FieldDef TO = FieldDef.string("sip.To", "To");
    static final FieldDef TRIGGER_CONSENT = FieldDef.string("sip.Trigger-Consent", "Trigger-Consent");
    static final FieldDef UNSUPPORTED = FieldDef.string("sip.Unsupported", "Unsupported");
    static final FieldDef USER_AGENT = FieldDef.string("sip.User-Agent", "User-Agent");
    static final FieldDef VIA = FieldDef.string("sip.Via", "Via");
    static final FieldDef WARNING = FieldDef.string("sip.Warning", "Warning");
    static final FieldDef WWW_AUTHENTICATE = FieldDef.string("sip.WWW-Authenticate", "WWW-Authenticate");
    static final FieldDef DIVERSION = FieldDef.string("sip.Diversion", "Diversion");
    static final FieldDef UUI = FieldDef.string("sip.uui", "User-to-User");

    static final List<FieldDef> FIELDS = List.of(ACCEPT, ACCEPT_CONTACT, ACCEPT_ENCODING, ACCEPT_LANGUAGE,
            ACCEPT_RESOURCE_PRIORITY, ADDITIONAL_IDENTITY, ALERT_INFO, ALLOW, ALLOW_EVENTS, ANSWER_MODE,
            ATTESTATION_INFO, AUTHENTICATION_INFO, AUTHORIZATION, CALL_ID, CALL_INFO, CELLULAR_NETWORK_INFO,
            CONTACT, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, CSEQ,
            DATE, ERROR_INFO, EVENT, EXPIRES, FEATURE_CAPS, FLOW_TIMER, FROM, GEOLOCATION, GEOLOCATION_ERROR,
            GEOLOCATION_ROUTING, HISTORY_INFO, IDENTITY, IDENTITY_INFO, INFO_PACKAGE, IN_REPLY_TO, JOIN,
            MAX_BREADTH, MAX_FORWARDS, MIME_VERSION, MIN_EXPIRES, MIN_SE, ORGANIZATION, ORIGINATION_ID,
            P_ACCESS_NETWORK_INFO, P_ANSWER_STATE, P_ASSERTED_IDENTITY, P_ASSERTED_SERVICE, P_CHARGE_INFO,
            P_ASSOCIATED_URI, P_CALLED_PARTY_ID, P_CHARGING_FUNCTION_ADDRESSES, P_CHARGING_VECTOR,
            P_DCS_TRACE_PARTY_ID, P_DCS_OSPS, P_DCS_BILLING_INFO, P_DCS_LAES, P_DCS_REDIRECT, P_EARLY_MEDIA,
            P_MEDIA_AUTHORIZATION, P_PREFERRED_IDENTITY, P_PREFERRED_SERVICE, P_PROFILE_KEY, P_REFUSED_URI_LIST,
            P_SERVED_USER, P_USER_DATABASE, P_VISITED_NETWORK_ID, PATH, PERMISSION_MISSING, POLICY_CONTACT,
            POLICY_ID, PRIORITY, PRIORITY_SHARE, PRIV_ANSWER_MODE, PRIVACY, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION,
            PROXY_REQUIRE, RACK, REASON, REASON_PHRASE, RECORD_ROUTE, RECV_INFO, REFER_SUB, REFER_TO, REFERRED_BY,
            REJECT_CONTACT, RELAYED_CHARGE, REPLACES, REPLY_TO, REQUEST_DISPOSITION, REQUIRE, RESOURCE_PRIORITY,
            RESOURCE_SHARE, RESPONSE_SOURCE, RESTORATION_INFO, RETRY_AFTER, ROUTE, RSEQ, SECURITY_CLIENT,
            SECURITY_SERVER, SECURITY_VERIFY, SERVER, SERVICE_INTERACT_INFO, SERVICE_ROUTE, SESSION_EXPIRES,
            SESSION_ID, ETAG, IF_MATCH, SUBJECT, SUBSCRIPTION_STATE, SUPPORTED, SUPPRESS_IF_MATCH, TARGET_DIALOG,
            TIMESTAMP, TO, TRIGGER_CONSENT, UNSUPPORTED, USER_AGENT, VIA, WARNING, WWW_AUTHENTICATE, DIVERSION,
            UUI);

    /** Compact forms: the one-letter name and the header it stands for. */
    private static final Map<String, FieldDef> COMPACT = Map.ofEntries(Map.entry("a", ACCEPT_CONTACT),
            Map.entry("b", REFERRED_BY), Map.entry("c", CONTENT_TYPE), Map.entry("d", REQUEST_DISPOSITION),
            Map.entry("e", CONTENT_ENCODING), Map.entry("f", FROM), Map.entry("i", CALL_ID),
            Map.entry("j", REJECT_CONTACT), Map.entry("k", SUPPORTED), Map.entry("l", CONTENT_LENGTH),
            Map.entry("m", CONTACT), Map.entry("n", IDENTITY_INFO), Map.entry("o", EVENT), Map.entry("r", REFER_TO),
            Map.entry("s", SUBJECT), Map.entry("t", TO), Map.entry("u", ALLOW_EVENTS), Map.entry("v", VIA),
            Map.entry("x", SESSION_EXPIRES), Map.entry("y", IDENTITY));

    private static final Map<String, FieldDef> BY_NAME = new HashMap<>();

    static {
        for (FieldDef f : FIELDS) {
            BY_NAME.put(f.name().toLowerCase(Locale.ROOT), f);
        }
        // the few whose field label is not the header's name
        BY_NAME.remove("referred by");
        BY_NAME.put("referred-by", REFERRED_BY);
        BY_NAME.remove("etag");
        BY_NAME.put("sip-etag", ETAG);
        BY_NAME.remove("if_match");
        BY_NAME.put("sip-if-match", IF_MATCH);
        BY_NAME.putAll(COMPACT);
    }

    private SipHeaders() {}

    /** The field of header {@code name} (any case, full or compact), or null when tshark does not know it. */
    static FieldDef lookup(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
