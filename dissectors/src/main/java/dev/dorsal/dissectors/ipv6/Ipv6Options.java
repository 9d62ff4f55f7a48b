package dev.dorsal.dissectors.ipv6;

import dev.dorsal.dissectors.frame.Items;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads the type-length-value options of a hop-by-hop or destination options header (RFC 8200
 * section 4.2): each becomes an item named after the option, with its type bits (action, may-change,
 * low-order bits), length and value. Known values: Pad1, PadN, Router Alert (RFC 2711), Tunnel
 * Encapsulation Limit (RFC 2473), Jumbo Payload (RFC 2675), Home Address (RFC 6275); others are
 * shown as undecoded payload.
 *
 * <pre>
 * | type: action (2) change (1) rest (5) | length (8) | value (length bytes) |    Pad1 is one byte
 * </pre>
 */
final class Ipv6Options {
    private Ipv6Options() {}

    private static final ValueString TYPES = ValueString.builder()
            .add(0x00, "Pad1").add(0x01, "PadN").add(0x04, "Tunnel Encapsulation Limit").add(0x05, "Router Alert")
            .add(0x07, "CALIPSO").add(0x08, "SMF_DPD").add(0x0f, "Performance and Diagnostic Metrics")
            .add(0x1e, "Experimental (0x1E)").add(0x26, "Quick-Start").add(0x30, "Path MTU Option")
            .add(0x31, "IOAM Option").add(0x3e, "Experimental (0x3E)")
            .add(0x41, "Tunnel Payload Forwarding (TPF) Information").add(0x5e, "Experimental (0x5E)")
            .add(0x63, "RPL Option").add(0x6d, "MPL Option").add(0x7e, "Experimental (0x7E)")
            .add(0x8a, "Endpoint Identification").add(0x8b, "ILNP Nonce").add(0x8c, "Line-Identification Option")
            .add(0x9e, "Experimental (0x9E)").add(0xbe, "Experimental (0xBE)").add(0xc2, "Jumbo Payload")
            .add(0xc9, "Home Address").add(0xde, "Experimental (0xDE)").add(0xee, "IP_DFF")
            .add(0xfe, "Experimental (0xFE)").build();
    private static final ValueString ACTIONS = ValueString.of(0, "Skip and continue", 1, "Discard",
            2, "Discard and send ICMP Parameter Problem", 3, "Discard and send ICMP if not multicast");
    private static final ValueString ROUTER_ALERTS = ValueString.of(0, "MLD", 1, "RSVP", 2, "Active Network");

    static final FieldDef OPT = FieldDef.none("ipv6.opt", "IPv6 Option");
    static final FieldDef TYPE = FieldDef.uint8("ipv6.opt.type", "Type").hex().vals(TYPES);
    static final FieldDef TYPE_ACTION = FieldDef.uint8("ipv6.opt.type.action", "Action").mask(0xc0).vals(ACTIONS);
    static final FieldDef TYPE_CHANGE = FieldDef.bool("ipv6.opt.type.change", "May Change", 8, 0x20)
            .tfs(TrueFalse.YES_NO);
    static final FieldDef TYPE_REST = FieldDef.uint8("ipv6.opt.type.rest", "Low-Order Bits").hex().mask(0x1f);
    static final FieldDef LENGTH = FieldDef.uint8("ipv6.opt.length", "Length");
    static final FieldDef PAD1 = FieldDef.none("ipv6.opt.pad1", "Pad1");
    static final FieldDef PADN = FieldDef.bytes("ipv6.opt.padn", "PadN");
    static final FieldDef ROUTER_ALERT = FieldDef.uint16("ipv6.opt.router_alert", "Router Alert").vals(ROUTER_ALERTS);
    static final FieldDef TEL = FieldDef.uint8("ipv6.opt.tel", "Tunnel Encapsulation Limit");
    static final FieldDef JUMBO = FieldDef.uint32("ipv6.opt.jumbo", "Payload Length");
    static final FieldDef HOME_ADDRESS = FieldDef.ipv6("ipv6.opt.mipv6.home_address", "MIPv6 Home Address");
    static final FieldDef UNKNOWN = FieldDef.bytes("ipv6.opt.unknown", "Unknown Option Payload");

    static final List<FieldDef> FIELDS = List.of(OPT, TYPE, TYPE_ACTION, TYPE_CHANGE, TYPE_REST, LENGTH, PAD1, PADN,
            ROUTER_ALERT, TEL, JUMBO, HOME_ADDRESS, UNKNOWN);

    static final ExpertDef JUMBO_PROHIBITED = new ExpertDef("ipv6.opt.jumbo.prohibited",
            "When IPv6 payload length does not equal 0 a Jumbo Payload option must not be present",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef JUMBO_TRUNCATED = new ExpertDef("ipv6.opt.jumbo.truncated",
            "Jumbo Payload option present and jumbo length < 65536", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);
    static final ExpertDef INVALID_LENGTH = new ExpertDef("ipv6.opt.invalid_len", "Invalid IPv6 option length",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);
    static final ExpertDef UNKNOWN_DATA = new ExpertDef("ipv6.opt.unknown_data.expert", "Unknown Data (not interpreted)",
            ExpertDef.Group.UNDECODED, ExpertDef.Severity.NOTE);

    static final List<ExpertDef> EXPERTS = List.of(JUMBO_PROHIBITED, JUMBO_TRUNCATED, INVALID_LENGTH, UNKNOWN_DATA);

    /** Adds one item per option found in the {@code end - off} bytes at {@code off}. */
    static void dissect(Tvb tvb, int off, int end, ProtoItem header, Ipv6Context ctx) {
        boolean detailed = header.tree().detailed();
        while (off < end) {
            int type = tvb.u8(off);
            if (type == 0) {
                ProtoItem pad = Items.add(header, PAD1, tvb, off, 1);
                typeItem(tvb, off, pad);
                off++;
                continue;
            }
            int len = tvb.u8(off + 1);
            String name = TYPES.name(type);
            ProtoItem opt = Items.add(header, OPT, tvb, off, len + 2);
            if (detailed) {
                opt.setText(name != null ? name : "Unknown IPv6 Option (" + type + ")");
            }
            typeItem(tvb, off, opt);
            ProtoItem lenItem = Items.add(opt, LENGTH, tvb, off + 1, 1);
            int value = off + 2;
            if (value + len > end && name != null) {
                lenItem.expert(INVALID_LENGTH);
                return;
            }
            // An unknown option's payload is shown as long as its length says, as tshark does, even
            // past the end of the header.
            switch (type) {
                case 0x01 -> {
                    ProtoItem p = Items.add(opt, PADN, tvb, value, len);
                    if (len == 0 && detailed && p != opt) {
                        p.setText("PadN: <none>");
                    }
                }
                case 0x04 -> Items.add(opt, TEL, tvb, value, 1);
                case 0x05 -> Items.add(opt, ROUTER_ALERT, tvb, value, 2);
                case 0xc2 -> {
                    long jumbo = tvb.u32(value);
                    Items.add(opt, JUMBO, tvb, value, 4);
                    if (ctx.payloadLength != 0) {
                        opt.expert(JUMBO_PROHIBITED);
                    } else if (jumbo < 65536) {
                        opt.expert(JUMBO_TRUNCATED);
                    }
                }
                case 0xc9 -> Items.add(opt, HOME_ADDRESS, tvb, value, 16);
                default -> {
                    ProtoItem u = Items.add(opt, UNKNOWN, tvb, value, len);
                    u.expert(UNKNOWN_DATA);
                }
            }
            off = value + len;
        }
    }

    private static void typeItem(Tvb tvb, int off, ProtoItem opt) {
        ProtoItem t = Items.add(opt, TYPE, tvb, off, 1);
        Items.add(t, TYPE_ACTION, tvb, off, 1);
        Items.add(t, TYPE_CHANGE, tvb, off, 1);
        Items.add(t, TYPE_REST, tvb, off, 1);
    }
}
