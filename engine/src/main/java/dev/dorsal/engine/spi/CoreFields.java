package dev.dorsal.engine.spi;

import java.util.List;

/** Fields the engine itself owns (Wireshark's "_ws" pseudo-protocol): expert info and malformed markers. */
public final class CoreFields {
    private CoreFields() {}

    public static final ProtocolDef WS_EXPERT_PROTO = new ProtocolDef("Expert Info", "Expert", "_ws.expert");
    public static final FieldDef EXPERT = WS_EXPERT_PROTO.field();
    public static final FieldDef EXPERT_MESSAGE = FieldDef.string("_ws.expert.message", "Message");
    public static final FieldDef EXPERT_SEVERITY = FieldDef.uint32("_ws.expert.severity", "Severity level")
            .vals(ValueString.of(0x00100000, "Comment", 0x00200000, "Chat", 0x00400000, "Note",
                    0x00600000, "Warning", 0x00800000, "Error"));
    public static final FieldDef EXPERT_GROUP = FieldDef.uint32("_ws.expert.group", "Group")
            .vals(ValueString.of(0x01000000, "Checksum", 0x02000000, "Sequence", 0x03000000, "Response",
                    0x04000000, "Request", 0x05000000, "Undecoded", 0x06000000, "Reassemble",
                    0x07000000, "Malformed", 0x08000000, "Debug", 0x09000000, "Protocol", 0x0a000000, "Security",
                    0x0b000000, "Comment", 0x0c000000, "Decryption", 0x0d000000, "Assumption",
                    0x0e000000, "Deprecated"));

    public static final ProtocolDef MALFORMED_PROTO = new ProtocolDef("Malformed Packet", "Malformed", "_ws.malformed");
    public static final ProtocolDef SHORT_PROTO = new ProtocolDef("Unreassembled Fragmented Packet", "Short", "_ws.short");
    public static final ExpertDef MALFORMED_EXPERT = new ExpertDef("_ws.malformed.expert",
            "Malformed Packet (Exception occurred)", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    public static final ExpertDef DISSECTOR_BUG = new ExpertDef("_ws.dissector_bug",
            "Dissector bug", ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    /** tshark's core string checks ({@code _ws.string}), shared by every dissector that adds strings. */
    public static final ProtocolDef STRING_ERRORS_PROTO = new ProtocolDef("String Errors", "String errors", "_ws.string");
    /** Bytes other than NUL after the NUL that ends a string value. */
    public static final ExpertDef TRAILING_STRAY = new ExpertDef("_ws.string.trailing_stray_characters",
            "Trailing stray characters", ExpertDef.Group.UNDECODED, ExpertDef.Severity.WARN);

    public static final List<FieldDef> FIELDS = List.of(EXPERT_MESSAGE, EXPERT_SEVERITY, EXPERT_GROUP);
}
