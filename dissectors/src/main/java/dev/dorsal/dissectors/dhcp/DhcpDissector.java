package dev.dorsal.dissectors.dhcp;

import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads BOOTP (RFC 951) and DHCP (RFC 2131, options RFC 2132) messages on UDP ports 67 and 68, as
 * tshark 4.0.17's {@code dhcp} dissector shows them: the fixed header, the magic cookie and the
 * options, with the options an Option Overload (52) moves into the sname and file fields. A message
 * with a DHCP Message Type option is "DHCP", one without is "BOOTP". Filter prefix {@code dhcp.}.
 *
 * <pre>
 * | op | htype | hlen | hops | xid (32) | secs (16) | flags (16) | ciaddr | yiaddr | siaddr | giaddr |
 * | chaddr (16) | sname (64) | file (128) | magic cookie 99.130.83.99 | options ... | End (255) |
 * </pre>
 */
public final class DhcpDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Dynamic Host Configuration Protocol", "DHCP/BOOTP", "dhcp");

    static final int MAGIC = 0x63825363;
    static final int OPTIONS = 240;
    static final int SNAME = 44;
    static final int FILE = 108;

    static final FieldDef BOOTP = FieldDef.bool("dhcp.bootp", "Frame is BOOTP");
    static final FieldDef TYPE = FieldDef.uint8("dhcp.type", "Message type")
            .vals(ValueString.of(1, "Boot Request", 2, "Boot Reply"));
    static final FieldDef HW_TYPE = FieldDef.uint8("dhcp.hw.type", "Hardware type").hex()
            .vals(DhcpOptions.hardwareTypes());
    static final FieldDef HW_LEN = FieldDef.uint8("dhcp.hw.len", "Hardware address length");
    static final FieldDef HOPS = FieldDef.uint8("dhcp.hops", "Hops");
    static final FieldDef ID = FieldDef.uint32("dhcp.id", "Transaction ID").hex();
    static final FieldDef SECS = FieldDef.uint16("dhcp.secs", "Seconds elapsed");
    static final FieldDef FLAGS = FieldDef.uint16("dhcp.flags", "Bootp flags").hex();
    static final FieldDef FLAGS_BC = FieldDef.bool("dhcp.flags.bc", "Broadcast flag", 16, 0x8000)
            .tfs(new TrueFalse("Broadcast", "Unicast"));
    static final FieldDef FLAGS_RESERVED = FieldDef.uint16("dhcp.flags.reserved", "Reserved flags").hex().mask(0x7fff);
    static final FieldDef IP_CLIENT = FieldDef.ipv4("dhcp.ip.client", "Client IP address");
    static final FieldDef IP_YOUR = FieldDef.ipv4("dhcp.ip.your", "Your (client) IP address");
    static final FieldDef IP_SERVER = FieldDef.ipv4("dhcp.ip.server", "Next server IP address");
    static final FieldDef IP_RELAY = FieldDef.ipv4("dhcp.ip.relay", "Relay agent IP address");
    static final FieldDef HW_ADDR = FieldDef.bytes("dhcp.hw.addr", "Client hardware address");
    static final FieldDef HW_ADDR_PADDING = FieldDef.bytes("dhcp.hw.addr_padding", "Client hardware address padding");
    static final FieldDef MAC_ADDR = FieldDef.ether("dhcp.hw.mac_addr", "Client MAC address");
    static final FieldDef SERVER = FieldDef.string("dhcp.server", "Server host name");
    static final FieldDef FILE_NAME = FieldDef.string("dhcp.file", "Boot file name");
    static final FieldDef COOKIE = FieldDef.ipv4("dhcp.cookie", "Magic cookie");
    static final FieldDef VENDOR_OPTIONS = FieldDef.bytes("dhcp.vendor_specific_options", "Bootp vendor specific options");

    static final ExpertDef END_MISSING = new ExpertDef("dhcp.end_option_missing", "End option missing",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef NO_CLIENT_ADDRESS = new ExpertDef("dhcp.client_address_not_given", "Client address not given",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);
    static final ExpertDef SNAME_OVERLOADED = new ExpertDef("dhcp.server_name_overloaded_by_dhcp",
            "Server name option overloaded by DHCP", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);
    static final ExpertDef FILE_OVERLOADED = new ExpertDef("dhcp.boot_filename_overloaded_by_dhcp",
            "Boot file name option overloaded by DHCP", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.NOTE);
    static final ExpertDef SNAME_END_MISSING = new ExpertDef("dhcp.option.option_overload.sname_end_missing",
            "sname overload end option missing", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef FILE_END_MISSING = new ExpertDef("dhcp.option.option_overload.file_end_missing",
            "file overload end option missing", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);

    static final List<FieldDef> FIELDS = fields();

    private static List<FieldDef> fields() {
        List<FieldDef> all = new ArrayList<>(List.of(BOOTP, TYPE, HW_TYPE, HW_LEN, HOPS, ID, SECS, FLAGS, FLAGS_BC,
                FLAGS_RESERVED, IP_CLIENT, IP_YOUR, IP_SERVER, IP_RELAY, HW_ADDR, HW_ADDR_PADDING, MAC_ADDR, SERVER,
                FILE_NAME, COOKIE, VENDOR_OPTIONS));
        all.addAll(DhcpOptions.FIELDS);
        all.addAll(DhcpPxe.FIELDS);
        return List.copyOf(all);
    }

    /** What the first pass over the options found: the message type (-1: none) and the overload value. */
    static final class State {
        int messageType = -1;
        int overload;
        /** The dhcp protocol node: each Message Type option adds its type to the node's text. */
        ProtoItem proto;
        /** Option 60's value, which decides how option 43 is read; null without one. */
        String vendorClass;
        PacketInfo pinfo;
    }

    @Override
    public String name() {
        return "dhcp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(DhcpOptions.BAD_LENGTH, DhcpOptions.BAD_ROUTE, DhcpOptions.NONSTANDARD,
                DhcpOptions.AMBIGUOUS_ARCHITECTURE, DhcpOptions.SIP_BAD_ENCODING, DhcpOptions.MISSING_SUBOPTION_LENGTH,
                DhcpOptions.MISSING_SUBOPTION_VALUE, DhcpPxe.UNKNOWN_SUBOPTION, DhcpOptions.INVALID_NAME_SERVICE, END_MISSING, NO_CLIENT_ADDRESS,
                SNAME_OVERLOADED, FILE_OVERLOADED, SNAME_END_MISSING, FILE_END_MISSING));
        r.handle("dhcp", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(67, t.handle("dhcp"));
        t.table("udp.port").add(68, t.handle("dhcp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("BOOTP");
        cols.clearInfo();
        int op = tvb.u8(0);
        if (op == 1) {
            cols.setInfo("Boot Request from " + clientAddress(tvb));
        } else if (op == 2) {
            cols.setInfo("Boot Reply");
        } else {
            cols.setInfo("Unknown BOOTP message type (" + op + ")");
        }
        ProtoItem dhcp = tree.addProtocol(PROTO, tvb, 0, tvb.length(), PROTO.name());
        State st = firstPass(tvb);
        if (st.messageType >= 0) {
            String name = DhcpOptions.messageTypeName(st.messageType);
            cols.setProtocol("DHCP");
            cols.setInfo(String.format(Locale.ROOT, "DHCP %-8s - Transaction ID 0x%08x", name, tvb.u32(4)));
        }
        st.proto = dhcp;
        st.pinfo = pinfo;
        header(tvb, dhcp, st);
        if (st.messageType < 0) {
            ProtoItem b = dhcp.addBool(BOOTP, tvb, 0, 0, true);
            if (b != dhcp) {
                b.setHidden();
            }
        }
        long cookie = tvb.u32(236);
        if (cookie != MAGIC) {
            dhcp.add(VENDOR_OPTIONS, tvb, 236, tvb.length() - 236);
            return tvb.length();
        }
        ProtoItem c = dhcp.add(COOKIE, tvb, 236, 4);
        c.setText("Magic cookie: DHCP");
        int end = options(tvb, dhcp, OPTIONS, tvb.reportedLength(), st, true);
        if (end < 0) {
            dhcp.expert(END_MISSING);
        } else if (end < tvb.length()) {
            dhcp.add(DhcpOptions.PADDING, tvb, end, tvb.length() - end);
        }
        return tvb.length();
    }

    /** The client hardware address as the Info of a BOOTP request names it. */
    private static String clientAddress(Tvb tvb) {
        int htype = tvb.u8(1);
        int hlen = tvb.u8(2);
        if (hlen == 0) {
            return "<No address>";
        }
        if (hlen == 6 && (htype == 1 || htype == 6)) {
            return EtherNames.withRaw(tvb.u48(28));
        }
        return AddressFormat.hexJoined(tvb.bytes(28, hlen), '\0');
    }

    /** Reads the options as tshark does before building the tree, for the message type and the overload. */
    private static State firstPass(Tvb tvb) {
        State st = new State();
        if (tvb.reportedLength() < OPTIONS || tvb.u32(236) != MAGIC) {
            return st;
        }
        int off = OPTIONS;
        while (off < tvb.reportedLength()) {
            int code = tvb.u8(off);
            if (code == 0) {
                off++;
                continue;
            }
            if (code == 255) {
                break;
            }
            int len = tvb.u8(off + 1);
            if (code == 53) {
                st.messageType = tvb.u8(off + 2);
            } else if (code == 52) {
                st.overload = tvb.u8(off + 2);
            } else if (code == 60 && tvb.has(off + 2, len)) {
                st.vendorClass = tvb.ascii(off + 2, len);
            }
            off += 2 + len;
        }
        return st;
    }

    private static void header(Tvb tvb, ProtoItem dhcp, State st) {
        dhcp.add(TYPE, tvb, 0, 1);
        int htype = tvb.u8(1);
        int hlen = tvb.u8(2);
        dhcp.add(HW_TYPE, tvb, 1, 1);
        dhcp.add(HW_LEN, tvb, 2, 1);
        dhcp.add(HOPS, tvb, 3, 1);
        dhcp.add(ID, tvb, 4, 4);
        dhcp.add(SECS, tvb, 8, 2);
        int flags = tvb.u16(10);
        ProtoItem fl = dhcp.add(FLAGS, tvb, 10, 2);
        fl.setText(String.format(Locale.ROOT, "Bootp flags: 0x%04x%s", flags,
                (flags & 0x8000) != 0 ? ", Broadcast flag (Broadcast)" : " (Unicast)"));
        fl.add(FLAGS_BC, tvb, 10, 2);
        fl.add(FLAGS_RESERVED, tvb, 10, 2);
        dhcp.add(IP_CLIENT, tvb, 12, 4);
        dhcp.add(IP_YOUR, tvb, 16, 4);
        dhcp.add(IP_SERVER, tvb, 20, 4);
        dhcp.add(IP_RELAY, tvb, 24, 4);
        if (hlen == 0 || hlen > 16) {
            dhcp.addText(tvb, 28, 16, "Client address not given").expert(NO_CLIENT_ADDRESS);
        } else if (hlen == 6 && (htype == 1 || htype == 6)) {
            dhcp.add(MAC_ADDR, tvb, 28, 6);
            dhcp.add(HW_ADDR_PADDING, tvb, 34, 10);
        } else {
            // tshark's item covers all of chaddr but its label shows only the hlen bytes of the address
            int n = Math.min(hlen, 16);
            ProtoItem hw = dhcp.add(HW_ADDR, tvb, 28, 16);
            hw.setText("Client hardware address: " + AddressFormat.hexJoined(tvb.bytes(28, n), '\0'));
            if (n < 16) {
                dhcp.add(HW_ADDR_PADDING, tvb, 28 + n, 16 - n);
            }
        }
        name(tvb, dhcp, SNAME, 64, SERVER, (st.overload & 2) != 0, SNAME_OVERLOADED);
        name(tvb, dhcp, FILE, 128, FILE_NAME, (st.overload & 1) != 0, FILE_OVERLOADED);
    }

    /** The sname or file field: a name, "not given" when it starts with a NUL, or options moved there. */
    private static void name(Tvb tvb, ProtoItem dhcp, int off, int len, FieldDef f, boolean overloaded, ExpertDef note) {
        if (overloaded) {
            tvb.bytes(off, len);
            dhcp.addText(tvb, off, len, note.summary()).expert(note);
            return;
        }
        int first = tvb.u8(off);
        ProtoItem item = dhcp.add(f, tvb, off, len);
        if (first == 0) {
            item.setText(f.name() + " not given");
        }
    }

    /** The options an overload moved into sname or file, under their own text node. */
    private static void region(Tvb tvb, ProtoItem parent, int off, int len, String label, ExpertDef endMissing,
            State st) {
        ProtoItem optionsItem = parent.tree().detailed() ? parent.addText(tvb, off, len, label) : parent;
        int end = options(tvb, optionsItem, off, off + len, st, false);
        if (end < 0) {
            optionsItem.expert(endMissing);
        }
    }

    /**
     * Adds the options in [{@code from}, {@code to}) under {@code parent}. Returns the offset just after
     * the End option, or -1 when the options ran out without one.
     */
    static int options(Tvb tvb, ProtoItem parent, int from, int to, State st, boolean main) {
        int off = from;
        while (off < to) {
            int code = tvb.u8(off);
            if (code == 0) {
                int n = 1;
                while (off + n < to && off + n < tvb.length() && tvb.u8(off + n) == 0) {
                    n++;
                }
                ProtoItem pad = parent.addUint(DhcpOptions.TYPE, tvb, off, n, 0);
                pad.setText("Option: (0) Padding");
                pad.add(DhcpOptions.PADDING, tvb, off, n);
                off += n;
                continue;
            }
            if (code == 255) {
                ProtoItem end = parent.addUint(DhcpOptions.TYPE, tvb, off, 1, 0);
                end.setText("Option: (255) End");
                end.add(DhcpOptions.END, tvb, off, 1);
                return off + 1;
            }
            int len = tvb.u8(off + 1);
            ProtoItem opt = parent.addUint(DhcpOptions.TYPE, tvb, off, 2 + len, code);
            opt.setText("Option: (" + code + ") " + DhcpOptionNames.NAMES.nameOr(code, ""));
            opt.add(DhcpOptions.LENGTH, tvb, off + 1, 1);
            if (code == 53 && len == 0) {
                throw new MalformedException("DHCP Message Type without a value");
            }
            boolean pxe = code == 43 && len > 0 && DhcpPxe.isPxeClient(st.vendorClass);
            ProtoItem value = opt.add(DhcpOptions.VALUE, tvb, off + 2, len);
            if ((pxe || DhcpOptions.decoded(code, len)) && value != opt) {
                value.setHidden();
            }
            if (pxe) {
                // tshark hands the option to its PXEClient decoder, which counts as a second dhcp layer
                opt.appendText(" (PXEClient)");
                st.pinfo.addLayerName(PROTO.filterName());
                DhcpPxe.decode(tvb, off + 2, off + 2 + len, opt);
            } else if (code == 43 && len > 0) {
                // vendor information no decoder claims: tshark files it once more, hidden
                ProtoItem raw = opt.add(DhcpPxe.VALUE, tvb, off + 2, len);
                if (raw != opt) {
                    raw.setHidden();
                }
            } else if (len > 0 || DhcpOptions.SPECS.containsKey(code)) {
                DhcpOptions.decode(code, tvb, off + 2, len, opt, st);
            }
            if (code == 52 && main && len > 0) {
                int overload = tvb.u8(off + 2);
                if ((overload & 2) != 0) {
                    region(tvb, opt, SNAME, 64, "Server host name option overload", SNAME_END_MISSING, st);
                }
                if ((overload & 1) != 0) {
                    region(tvb, opt, FILE, 128, "Boot file name option overload", FILE_END_MISSING, st);
                }
            }
            off += 2 + len;
        }
        return -1;
    }
}
