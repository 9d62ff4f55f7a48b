package dev.dorsal.dissectors.tls;

import java.util.Map;

/**
 * Names the application protocol carried inside TLS, as tshark 4.0.17 shows it in
 * "Application Data Protocol: ..." without decrypting: from the ALPN protocol the server selected,
 * else from the well-known port of either endpoint (tshark's {@code tls.port} table, see
 * {@code tshark -G decodes}). Values are the protocols' long names.
 */
final class TlsAppProtocols {
    private TlsAppProtocols() {}

    private static final String HTTP = "Hypertext Transfer Protocol";

    /** tshark 4.0.17's tls.port entries: port -> protocol long name. */
    private static final Map<Integer, String> BY_PORT = Map.ofEntries(
            Map.entry(324, "RPKI-Router Protocol"),
            Map.entry(443, HTTP),
            Map.entry(465, "Simple Mail Transfer Protocol"),
            Map.entry(636, "Lightweight Directory Access Protocol"),
            Map.entry(802, "Modbus/TCP"),
            Map.entry(853, "Domain Name System"),
            Map.entry(993, "Internet Message Access Protocol"),
            Map.entry(995, "Post Office Protocol"),
            Map.entry(1300, "Q.931"),
            Map.entry(2221, "EtherNet/IP (Industrial Protocol)"),
            Map.entry(2443, "Skinny Client Control Protocol"),
            Map.entry(3249, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header"),
            Map.entry(3250, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header"),
            Map.entry(3251, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header"),
            Map.entry(3252, "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header"),
            Map.entry(3389, "TPKT - ISO on TCP - RFC1006"),
            Map.entry(3496, "DoIP (ISO13400) Protocol"),
            Map.entry(5061, "Session Initiation Protocol"),
            Map.entry(5671, "Advanced Message Queuing Protocol"),
            Map.entry(5684, "Constrained Application Protocol"),
            Map.entry(5868, "Diameter Protocol"),
            Map.entry(8883, "MQ Telemetry Transport Protocol"),
            Map.entry(11207, "Couchbase Protocol"),
            Map.entry(19999, "Distributed Network Protocol 3.0"),
            Map.entry(27017, "Mongo Wire Protocol"));

    /** Exact ALPN protocol ids with a dissector in tshark 4.0.17 (tls.alpn table). */
    private static final Map<String, String> BY_ALPN = Map.ofEntries(
            Map.entry("http/1.1", HTTP),
            Map.entry("h2", "HyperText Transfer Protocol 2"),
            Map.entry("h2c", "HyperText Transfer Protocol 2"),
            Map.entry("dot", "Domain Name System"),
            Map.entry("imap", "Internet Message Access Protocol"),
            Map.entry("pop3", "Post Office Protocol"),
            Map.entry("mqtt", "MQ Telemetry Transport Protocol"),
            Map.entry("ldap", "Lightweight Directory Access Protocol"));

    /** ALPN prefixes matched when no exact id does (drafts and versioned names). */
    private static final String[][] ALPN_PREFIXES = {
        {"spdy/", "SPDY"},
        {"h2-", "HyperText Transfer Protocol 2"},
    };

    /** The protocol tshark associates with {@code port} in tls.port, or null. */
    static String byPort(int port) {
        return BY_PORT.get(port);
    }

    /** The protocol of a ServerHello-selected ALPN id, or null when tshark has none for it. */
    static String byAlpn(String alpn) {
        String name = BY_ALPN.get(alpn);
        if (name != null) {
            return name;
        }
        for (String[] p : ALPN_PREFIXES) {
            if (alpn.startsWith(p[0])) {
                return p[1];
            }
        }
        return null;
    }
}
