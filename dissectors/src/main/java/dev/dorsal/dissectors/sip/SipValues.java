package dev.dorsal.dissectors.sip;

import dev.dorsal.engine.spi.ValueString;

/**
 * Value names tshark 4.0.17 shows for SIP (read from {@code tshark -G values}): the ITU-T Q.850 cause
 * codes and the SIP response codes a Reason header may carry.
 */
final class SipValues {
    /** ITU-T Q.850 cause values (Reason: Q.850;cause=N). */
    static final ValueString Q850_CAUSES = ValueString.of(
            0, "Valid cause code not yet received", 1, "Unallocated (unassigned) number",
            2, "No route to specified transit network", 3, "No route to destination",
            4, "Send special information tone", 5, "Misdialled trunk prefix", 6, "Channel unacceptable",
            7, "Call awarded and being delivered in an established channel", 8, "Preemption",
            9, "Preemption - circuit reserved for reuse", 10, "Unassigned", 11, "Unassigned", 12, "Unassigned",
            13, "Unassigned", 14, "QoR: ported number", 15, "Unassigned", 16, "Normal call clearing",
            17, "User busy", 18, "No user responding", 19, "No answer from user (user alerted)",
            20, "Subscriber absent", 21, "Call rejected", 22, "Number changed",
            23, "Redirection to new destination", 24, "Call rejected due to feature at the destination",
            25, "Exchange routing error", 26, "Non-selected user clearing", 27, "Destination out of order",
            28, "Invalid number format (address incomplete)", 29, "Facility rejected",
            30, "Response to STATUS ENQUIRY", 31, "Normal unspecified", 32, "Unassigned",
            33, "Circuit out of order", 34, "No circuit/channel available", 35, "Unassigned", 36, "Unassigned",
            37, "Unassigned", 38, "Network out of order", 39, "Permanent frame mode connection out of service",
            40, "Permanent frame mode connection operational", 41, "Temporary failure",
            42, "Switching equipment congestion", 43, "Access information discarded",
            44, "Requested circuit/channel not available", 45, "Unassigned", 46, "Precedence call blocked",
            47, "Resources unavailable, unspecified", 48, "Unassigned", 49, "Quality of service unavailable",
            50, "Requested facility not subscribed", 51, "Unassigned", 52, "Unassigned",
            53, "Outgoing calls barred within CUG", 54, "Unassigned", 55, "Incoming calls barred within CUG",
            56, "Call waiting not subscribed", 57, "Bearer capability not authorized",
            58, "Bearer capability not presently available", 59, "Unassigned", 60, "Unassigned",
            61, "Unassigned",
            62, "Inconsistency in designated outgoing access information and subscriber class",
            63, "Service or option not available, unspecified", 64, "Unassigned",
            65, "Bearer capability not implemented", 66, "Channel type not implemented", 67, "Unassigned",
            68, "Unassigned", 69, "Requested facility not implemented",
            70, "Only restricted digital information bearer capability is available", 71, "Unassigned",
            72, "Unassigned", 73, "Unassigned", 74, "Unassigned", 75, "Unassigned", 76, "Unassigned",
            77, "Unassigned", 78, "Unassigned", 79, "Service or option not implemented, unspecified",
            80, "Unassigned", 81, "Invalid call reference value", 82, "Identified channel does not exist",
            83, "Call identity does not exist for suspended call", 84, "Call identity in use",
            85, "No call suspended", 86, "Call having the requested call identity has been cleared",
            87, "Called user not member of CUG", 88, "Incompatible destination", 89, "Unassigned",
            90, "Non-existing CUG", 91, "Invalid transit network selection (national use)", 92, "Unassigned",
            93, "Unassigned", 94, "Unassigned", 95, "Invalid message, unspecified",
            96, "Mandatory information element is missing", 97, "Message type non-existent or not implemented",
            98, "Message not compatible with call state or message type non-existent or not implemented",
            99, "Information element nonexistent or not implemented",
            100, "Invalid information element contents", 101, "Message not compatible with call state",
            102, "Recovery on timer expiry", 103, "Parameter non-existent or not implemented - passed on",
            104, "Unassigned", 105, "Unassigned", 106, "Unassigned", 107, "Unassigned", 108, "Unassigned",
            109, "Unassigned", 110, "Message with unrecognized parameter discarded",
            111, "Protocol error, unspecified", 112, "Unassigned", 113, "Unassigned", 114, "Unassigned",
            115, "Unassigned", 116, "Unassigned", 117, "Unassigned", 118, "Unassigned", 119, "Unassigned",
            120, "Unassigned", 121, "Unassigned", 122, "Unassigned", 123, "Unassigned", 124, "Unassigned",
            125, "Unassigned", 126, "Unassigned", 127, "Interworking, unspecified");

    /** SIP response codes and their reason phrases (Reason: SIP;cause=N). */
    static final ValueString RESPONSES = ValueString.of(
            999, "Unknown response", 100, "Trying", 180, "Ringing", 181, "Call Is Being Forwarded",
            182, "Queued", 183, "Session Progress", 199, "Informational - Others", 200, "OK", 202, "Accepted",
            204, "No Notification", 299, "Success - Others", 300, "Multiple Choices", 301, "Moved Permanently",
            302, "Moved Temporarily", 305, "Use Proxy", 380, "Alternative Service", 399, "Redirection - Others",
            400, "Bad Request", 401, "Unauthorized", 402, "Payment Required", 403, "Forbidden",
            404, "Not Found", 405, "Method Not Allowed", 406, "Not Acceptable",
            407, "Proxy Authentication Required", 408, "Request Timeout", 410, "Gone",
            412, "Conditional Request Failed", 413, "Request Entity Too Large", 414, "Request-URI Too Long",
            415, "Unsupported Media Type", 416, "Unsupported URI Scheme", 420, "Bad Extension",
            421, "Extension Required", 422, "Session Timer Too Small", 423, "Interval Too Brief",
            428, "Use Identity Header", 429, "Provide Referrer Identity", 430, "Flow Failed",
            433, "Anonymity Disallowed", 436, "Bad Identity-Info", 437, "Unsupported Certificate",
            438, "Invalid Identity Header", 439, "First Hop Lacks Outbound Support",
            440, "Max-Breadth Exceeded", 470, "Consent Needed", 480, "Temporarily Unavailable",
            481, "Call/Transaction Does Not Exist", 482, "Loop Detected", 483, "Too Many Hops",
            484, "Address Incomplete", 485, "Ambiguous", 486, "Busy Here", 487, "Request Terminated",
            488, "Not Acceptable Here", 489, "Bad Event", 491, "Request Pending", 493, "Undecipherable",
            494, "Security Agreement Required", 499, "Client Error - Others", 500, "Server Internal Error",
            501, "Not Implemented", 502, "Bad Gateway", 503, "Service Unavailable", 504, "Server Time-out",
            505, "Version Not Supported", 513, "Message Too Large", 599, "Server Error - Others",
            600, "Busy Everywhere", 603, "Decline", 604, "Does Not Exist Anywhere", 606, "Not Acceptable",
            607, "Unwanted", 608, "Rejected", 699, "Global Failure - Others");

    private SipValues() {}
}
