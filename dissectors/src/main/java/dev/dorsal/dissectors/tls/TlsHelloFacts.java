package dev.dorsal.dissectors.tls;

import java.util.Arrays;

/**
 * Collects what a ClientHello or ServerHello offered or chose, while the hello is dissected, for the
 * fingerprints (JA3, JA3S, JA4) and the handshake ladder. Filled by {@link TlsHellos} and
 * {@link TlsExtensions}; values are kept in wire order, GREASE included (fingerprints drop it).
 */
final class TlsHelloFacts {
    /** A growable list of ints, enough for code points. */
    static final class Ints {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    int legacyVersion;
    final Ints ciphers = new Ints();
    final Ints extensions = new Ints();
    final Ints groups = new Ints();
    final Ints pointFormats = new Ints();
    final Ints signatureAlgorithms = new Ints();
    final Ints supportedVersions = new Ints();
    /** The first ALPN protocol id, or null without ALPN. */
    String firstAlpn;
    /** All ALPN protocol ids, comma-joined, for the ladder; null without ALPN. */
    String alpnList;
    /** The first host name of server_name, or null. */
    String serverName;
    boolean hasServerName;
    /** session_ticket extension: -1 absent, else its length (0 = asks for a ticket / echo). */
    int sessionTicketLength = -1;
    boolean preSharedKey;
    boolean earlyData;
    int keyShareGroup = -1;

    /** Whether {@code v} is a GREASE value (RFC 8701: 0x?a?a with both bytes equal). */
    static boolean grease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v & 0xff) == (v >> 8);
    }
}
