package dev.dorsal.engine.spi;

/**
 * An expert info kind (Wireshark's ei_register_info entry). Its abbreviation is also a filterable
 * field, so {@code tcp.analysis.retransmission} works in filters.
 */
public final class ExpertDef {
    /** Severity levels with Wireshark's numeric codes (shown in JSON and filters). */
    public enum Severity {
        COMMENT(0x00100000, "Comment"), CHAT(0x00200000, "Chat"), NOTE(0x00400000, "Note"),
        WARN(0x00600000, "Warning"), ERROR(0x00800000, "Error");

        public final int code;
        public final String label;

        Severity(int code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** Groups with Wireshark's numeric codes. */
    public enum Group {
        CHECKSUM(0x01000000, "Checksum"), SEQUENCE(0x02000000, "Sequence"), RESPONSE_CODE(0x03000000, "Response"),
        REQUEST_CODE(0x04000000, "Request"), UNDECODED(0x05000000, "Undecoded"), REASSEMBLE(0x06000000, "Reassemble"),
        MALFORMED(0x07000000, "Malformed"), DEBUG(0x08000000, "Debug"), PROTOCOL(0x09000000, "Protocol"),
        SECURITY(0x0a000000, "Security"), COMMENTS_GROUP(0x0b000000, "Comment"), DECRYPTION(0x0c000000, "Decryption"),
        ASSUMPTION(0x0d000000, "Assumption"), DEPRECATED(0x0e000000, "Deprecated");

        public final int code;
        public final String label;

        Group(int code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    private final FieldDef field;
    private final String summary;
    private final Group group;
    private final Severity severity;

    public ExpertDef(String abbrev, String summary, Group group, Severity severity) {
        this.field = FieldDef.none(abbrev, summary);
        this.summary = summary;
        this.group = group;
        this.severity = severity;
    }

    public String abbrev() { return field.abbrev(); }
    public String summary() { return summary; }
    public Group group() { return group; }
    public Severity severity() { return severity; }
    /** The FT_NONE field standing for this expert info in the tree and in filters. */
    public FieldDef field() { return field; }
}
