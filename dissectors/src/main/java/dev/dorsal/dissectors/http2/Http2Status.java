package dev.dorsal.dissectors.http2;

import dev.dorsal.dissectors.http.HttpShared;

/** The text tshark puts after an HTTP/2 {@code :status} value: the HTTP status description, or {@code Unknown}. */
final class Http2Status {
    private Http2Status() {}

    static String description(String value) {
        Long code = Http2HeaderFields.number(value, 0xffff);
        String d = code == null ? null : HttpShared.statusDescription(code.intValue());
        return d != null ? d : "Unknown";
    }
}
