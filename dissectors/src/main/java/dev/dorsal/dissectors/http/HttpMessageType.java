package dev.dorsal.dissectors.http;

/** What the first line of an HTTP message says it is (tshark's http_type). */
enum HttpMessageType {
    REQUEST,
    RESPONSE,
    /** SSDP/GENA NOTIFY, SUBSCRIBE and UNSUBSCRIBE. */
    NOTIFICATION,
    /** Not known yet, or not a message start. */
    OTHER
}
