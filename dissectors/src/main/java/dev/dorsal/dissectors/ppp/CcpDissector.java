package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Locale;

/**
 * PPP's Compression Control Protocol (RFC 1962, PPP protocol 0x80fd): the shared packet format with
 * the Reset-Request and Reset-Ack codes and the Microsoft PPE/PPC option (RFC 3078) that PPTP
 * negotiates; the other compression options (Stac, BSD, Deflate, …) are not decoded (docs/compat.md).
 */
public final class CcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP Compression Control Protocol", "PPP CCP", "ccp");

    static final ValueString OPTIONS = ValueString.builder()
            .add(18, "Microsoft PPE/PPC")
            .build();

    static final FieldDef OPT_TYPE = FieldDef.uint8("ccp.opt.type", "Type").vals(OPTIONS);
    static final FieldDef OPT_LENGTH = FieldDef.uint8("ccp.opt.length", "Length");
    static final FieldDef MPPE_ITEM = NcpPackets.item("ccp.opt.mppe", "Microsoft PPE/PPC");
    static final FieldDef SUPPORTED_BITS = FieldDef.uint32("ccp.opt.supported_bits", "Supported Bits").hex();
    /** The MPPE/MPPC bits of RFC 3078/2118, in the order tshark lists them. */
    static final FieldDef[] BITS = {
        bit("h", "H", 0x1000000, "Stateless mode ON", "Stateless mode OFF"),
        bit("m", "M", 0x80, "56-bit encryption ON", "56-bit encryption OFF"),
        bit("s", "S", 0x40, "128-bit encryption ON", "128-bit encryption OFF"),
        bit("l", "L", 0x20, "40-bit encryption ON", "40-bit encryption OFF"),
        bit("d", "D", 0x10, "Obsolete (should NOT be 1)", "Obsolete (should ALWAYS be 0)"),
        bit("c", "C", 0x1, "Desire to negotiate MPPC", "No desire to negotiate MPPC"),
    };
    static final List<FieldDef> FIELDS = List.of(OPT_TYPE, OPT_LENGTH, MPPE_ITEM, SUPPORTED_BITS, BITS[0], BITS[1],
            BITS[2], BITS[3], BITS[4], BITS[5]);

    private static FieldDef bit(String abbrev, String name, long mask, String on, String off) {
        return FieldDef.bool("ccp.opt.supported_bits." + abbrev, name, 32, mask).tfs(new TrueFalse(on, off));
    }

    private static final NcpPackets.Options DECODER = new NcpPackets.Options() {
        @Override
        public boolean show(Tvb tvb, ProtoItem opts, int type, int offset, int len) {
            if (type != 18) {
                return false;
            }
            ProtoItem o = opts.add(MPPE_ITEM, tvb, offset, len).setText("Microsoft PPE/PPC");
            o.add(OPT_TYPE, tvb, offset, 1);
            o.add(OPT_LENGTH, tvb, offset + 1, 1);
            long bits = tvb.u32(offset + 2);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Supported Bits: 0x%08x", bits));
            for (FieldDef b : BITS) {
                if ((bits & b.mask()) != 0) {
                    text.append(", ").append(b.name());
                }
            }
            ProtoItem s = o.add(SUPPORTED_BITS, tvb, offset + 2, 4).setText(text.toString());
            for (FieldDef b : BITS) {
                s.add(b, tvb, offset + 2, 4);
            }
            return true;
        }

        @Override
        public int fixedLength(int type) {
            return type == 18 ? 6 : -1;
        }
    };

    @Override
    public String name() {
        return "ccp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ccp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0x80fd, t.handle("ccp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return NcpPackets.dissect(tvb, pinfo, tree, PROTO, "PPP CCP", OPTIONS, DECODER, true);
    }
}
