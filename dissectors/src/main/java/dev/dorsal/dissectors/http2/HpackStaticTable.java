package dev.dorsal.dissectors.http2;

/** HPACK's static table (RFC 7541 Appendix A): indexes 1 to 61. */
final class HpackStaticTable {
    static final int SIZE = 61;

    private static final String[][] ENTRIES = {
        {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
        {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
        {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
        {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
        {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
        {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
        {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
        {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
        {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
        {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
        {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
        {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
        {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""},
    };

    private static final byte[][] NAMES = new byte[SIZE][];
    private static final byte[][] VALUES = new byte[SIZE][];

    static {
        for (int i = 0; i < SIZE; i++) {
            NAMES[i] = ENTRIES[i][0].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            VALUES[i] = ENTRIES[i][1].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private HpackStaticTable() {}

    /** Name of entry {@code index} (1 to 61). Callers must not modify the array. */
    static byte[] name(int index) {
        return NAMES[index - 1];
    }

    /** Value of entry {@code index} (1 to 61). Callers must not modify the array. */
    static byte[] value(int index) {
        return VALUES[index - 1];
    }
}
