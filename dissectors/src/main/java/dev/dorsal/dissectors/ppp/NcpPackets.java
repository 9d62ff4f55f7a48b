package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The packet format the network control protocols share with LCP (RFC 1661 section 5, codes 1 to 7,
 * CCP adding 14 and 15): the {@code ppp.} header, the option list of the configure packets and the
 * rejected packet of a Code-Reject. Each protocol supplies its names and how it shows one option.
 */
final class NcpPackets {
    /** How a protocol shows one option whose length is right; returns false when it does not know it. */
    interface Options {
        boolean show(Tvb tvb, ProtoItem opts, int type, int offset, int len);

        /** The option's fixed length, or -1. */
        int fixedLength(int type);
    }

    static final ValueString CODES = ValueString.builder()
            .add(1, "Configuration Request")
            .add(2, "Configuration Ack")
            .add(3, "Configuration Nak")
            .add(4, "Configuration Reject")
            .add(5, "Termination Request")
            .add(6, "Termination Ack")
            .add(7, "Code Reject")
            .add(14, "Reset Request")
            .add(15, "Reset Ack")
            .build();

    private NcpPackets() {}

    /** Dissects one packet; {@code resets} is true for CCP, whose codes 14 and 15 are named. */
    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree, ProtocolDef proto, String column,
            ValueString optionNames, Options options, boolean resets) {
        int code = tvb.u8(0);
        int length = tvb.u16(2);
        boolean known = (code >= 1 && code <= 7) || (resets && (code == 14 || code == 15));
        String name = known ? CODES.name(code) : "Unknown";
        pinfo.columns().setProtocol(column);
        pinfo.columns().setInfo(name);
        ProtoItem item = tree.addProtocol(proto, tvb, 0, length);
        item.add(PppDissector.CODE, tvb, 0, 1).setText("Code: " + name + " (" + code + ")");
        item.add(PppDissector.IDENTIFIER, tvb, 1, 1);
        item.add(PppDissector.LENGTH, tvb, 2, 2);
        int body = length - 4;
        if (body <= 0) {
            return tvb.length();
        }
        if (code >= 1 && code <= 4) {
            options(tvb, item, body, optionNames, options);
        } else if (code == 7) {
            item.add(PppDissector.DATA, tvb, 4, body).setText("Rejected Packet (" + body + " byte"
                    + (body == 1 ? "" : "s") + "): " + HexFormat.of().formatHex(tvb.bytes(4, body)));
        } else {
            item.add(PppDissector.DATA, tvb, 4, body);
        }
        return tvb.length();
    }

    /**
     * The "Options: (N bytes), MRU, …" node of a configure packet (LCP's and the NCPs' alike): its label
     * names the known options up to the first one whose length is unusable.
     */
    static ProtoItem optionsNode(Tvb tvb, ProtoItem item, int body, ValueString optionNames) {
        StringBuilder names = new StringBuilder();
        int offset = 4;
        int end = 4 + body;
        while (offset + 2 <= end) {
            int type = tvb.u8(offset);
            int len = tvb.u8(offset + 1);
            if (len < 2 || offset + len > end) {
                break;
            }
            if (optionNames.name(type) != null) {
                names.append(", ").append(optionNames.name(type));
            }
            offset += len;
        }
        return item.addText(tvb, 4, body, "Options: (" + body + " bytes)" + names);
    }

    private static void options(Tvb tvb, ProtoItem item, int body, ValueString optionNames, Options options) {
        ProtoItem opts = optionsNode(tvb, item, body, optionNames);
        int end = 4 + body;
        int offset = 4;
        while (offset + 1 < end) {
            int type = tvb.u8(offset);
            String name = optionNames.nameOr(type, "Unknown");
            int len = tvb.u8(offset + 1);
            if (len < 2) {
                warn(opts, tvb, offset, 2, name + " (with too-short option length = " + len + " byte"
                        + (len == 1 ? "" : "s") + ")");
                return;
            }
            if (offset + len > end) {
                warn(opts, tvb, offset, end - offset, name + " (option length = " + len
                        + " bytes says option goes past end of options)");
                return;
            }
            int fixed = options.fixedLength(type);
            if (fixed >= 0 && len != fixed) {
                warn(opts, tvb, offset, len, name + " (with option length = " + len + " byte" + (len == 1 ? "" : "s")
                        + "; should be " + fixed + ")");
            } else if (!options.show(tvb, opts, type, offset, len)) {
                opts.addText(tvb, offset, len, String.format(Locale.ROOT, "Unknown (0x%02x) (%d byte%s)", type, len,
                        len == 1 ? "" : "s"));
            }
            offset += len;
        }
    }

    private static void warn(ProtoItem opts, Tvb tvb, int offset, int length, String text) {
        opts.addText(tvb, offset, length, text).expert(LcpDissector.LEN_INVALID, text);
    }

    /** A field whose item names an option's subtree (a protocol item in tshark; bytes give the same output). */
    static FieldDef item(String abbrev, String name) {
        return FieldDef.bytes(abbrev, name);
    }
}
