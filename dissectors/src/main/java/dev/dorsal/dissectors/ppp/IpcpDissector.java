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
import java.util.List;

/**
 * PPP's IP Control Protocol (RFC 1332, PPP protocol 0x8021) with the address options of RFC 1332 and
 * RFC 1877 (IP address, primary/secondary DNS and NBNS servers); the compression options are not
 * decoded (docs/compat.md).
 */
public final class IpcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("PPP IP Control Protocol", "PPP IPCP", "ipcp");

    static final ValueString OPTIONS = ValueString.builder()
            .add(3, "IP Address")
            .add(129, "Primary DNS Server IP Address")
            .add(130, "Primary NBNS Server IP Address")
            .add(131, "Secondary DNS Server IP Address")
            .add(132, "Secondary NBNS Server IP Address")
            .build();

    static final FieldDef OPT_TYPE = FieldDef.uint8("ipcp.opt.type", "Type").vals(OPTIONS);
    static final FieldDef OPT_LENGTH = FieldDef.uint8("ipcp.opt.length", "Length");
    static final FieldDef IP_ADDRESS = FieldDef.ipv4("ipcp.opt.ip_address", "IP Address");
    static final FieldDef PRI_DNS = FieldDef.ipv4("ipcp.opt.pri_dns_address", "Primary DNS Address");
    static final FieldDef PRI_NBNS = FieldDef.ipv4("ipcp.opt.pri_nbns_address", "Primary NBNS Address");
    static final FieldDef SEC_DNS = FieldDef.ipv4("ipcp.opt.sec_dns_address", "Secondary DNS Address");
    static final FieldDef SEC_NBNS = FieldDef.ipv4("ipcp.opt.sec_nbns_address", "Secondary NBNS Address");
    static final FieldDef ADDR_ITEM = NcpPackets.item("ipcp.opt.addr", "IP Address");
    static final FieldDef PRI_DNS_ITEM = NcpPackets.item("ipcp.opt.pri_dns", "Primary DNS Server IP Address");
    static final FieldDef PRI_NBNS_ITEM = NcpPackets.item("ipcp.opt.pri_nbns", "Primary NBNS Server IP Address");
    static final FieldDef SEC_DNS_ITEM = NcpPackets.item("ipcp.opt.sec_dns", "Secondary DNS Server IP Address");
    static final FieldDef SEC_NBNS_ITEM = NcpPackets.item("ipcp.opt.sec_nbns", "Secondary NBNS Server IP Address");
    static final List<FieldDef> FIELDS = List.of(OPT_TYPE, OPT_LENGTH, IP_ADDRESS, PRI_DNS, PRI_NBNS, SEC_DNS,
            SEC_NBNS, ADDR_ITEM, PRI_DNS_ITEM, PRI_NBNS_ITEM, SEC_DNS_ITEM, SEC_NBNS_ITEM);

    private static final NcpPackets.Options DECODER = new NcpPackets.Options() {
        @Override
        public boolean show(Tvb tvb, ProtoItem opts, int type, int offset, int len) {
            FieldDef item;
            FieldDef value;
            switch (type) {
                case 3 -> { item = ADDR_ITEM; value = IP_ADDRESS; }
                case 129 -> { item = PRI_DNS_ITEM; value = PRI_DNS; }
                case 130 -> { item = PRI_NBNS_ITEM; value = PRI_NBNS; }
                case 131 -> { item = SEC_DNS_ITEM; value = SEC_DNS; }
                case 132 -> { item = SEC_NBNS_ITEM; value = SEC_NBNS; }
                default -> { return false; }
            }
            // tshark labels these options by name alone
            ProtoItem o = opts.add(item, tvb, offset, len).setText(OPTIONS.name(type));
            o.add(OPT_TYPE, tvb, offset, 1);
            o.add(OPT_LENGTH, tvb, offset + 1, 1);
            o.add(value, tvb, offset + 2, 4);
            return true;
        }

        @Override
        public int fixedLength(int type) {
            return OPTIONS.name(type) != null ? 6 : -1;
        }
    };

    @Override
    public String name() {
        return "ipcp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("ipcp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table(PppDissector.PROTO_TABLE).add(0x8021, t.handle("ipcp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        return NcpPackets.dissect(tvb, pinfo, tree, PROTO, "PPP IPCP", OPTIONS, DECODER, false);
    }
}
