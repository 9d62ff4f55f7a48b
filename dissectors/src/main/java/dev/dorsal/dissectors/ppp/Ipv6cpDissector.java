package dev.dorsal.dissectors.ppp;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.HexFormat;
import java.util.List;

/**
 * PPP's IPv6 Control Protocol (RFC 5072, PPP protocol 0x8057) with its interface identifier option;
 * the compression option is not decoded (docs/compat.md).
 */
public final class Ipv6cpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP IPv6 Control Protocol", "PPP IPV6CP", "ipv6cp");

    static final ValueString OPTIONS = ValueString.builder()
            .add(1, "Interface Identifier")
            .build();

    static final FieldDef OPT_TYPE = FieldDef.uint8("ipv6cp.opt.type", "Type").vals(OPTIONS);
    static final FieldDef OPT_LENGTH = FieldDef.uint8("ipv6cp.opt.length", "Length");
    static final FieldDef INTERFACE_ID = FieldDef.bytes("ipv6cp.interface_identifier", "Interface Identifier");
    static final FieldDef INTERFACE_ID_ITEM = NcpPackets.item("ipv6cp.opt.interface_identifier",
            "Interface Identifier");
    static final List<FieldDef> FIELDS = List.of(OPT_TYPE, OPT_LENGTH, INTERFACE_ID, INTERFACE_ID_ITEM);

    private static final NcpPackets.Options DECODER = new NcpPackets.Options() {
        @Override
        public boolean show(Tvb tvb, ProtoItem opts, int type, int offset, int len) {
            if (type != 1) {
                return false;
            }
            ProtoItem o = opts.add(INTERFACE_ID_ITEM, tvb, offset, len).setText("Interface Identifier");
            o.add(OPT_TYPE, tvb, offset, 1);
            o.add(OPT_LENGTH, tvb, offset + 1, 1);
            // tshark prints the identifier with colons
            o.add(INTERFACE_ID, tvb, offset + 2, 8).setText("Interface Identifier: "
                    + HexFormat.ofDelimiter(":").formatHex(tvb.bytes(offset + 2, 8)));
            return true;
        }

        @Override
        public int fixedLength(int type) {
            return type == 1 ? 10 : -1;
        }
    };

    @Override
    public String name() {
        return "ipv6cp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ipv6cp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0x8057, t.handle("ipv6cp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return NcpPackets.dissect(tvb, pinfo, tree, PROTO, "PPP IPV6CP", OPTIONS, DECODER, false);
    }
}
