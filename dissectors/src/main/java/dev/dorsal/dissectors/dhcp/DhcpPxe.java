package dev.dorsal.dissectors.dhcp;

import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Decodes option 43 (Vendor-Specific Information) of a PXE client, one whose option 60 starts with
 * "PXEClient", as the sub-options of the PXE specification 2.1 (boot servers, menu, prompt, discovery
 * control, MTFTP parameters), the way tshark 4.0.17 shows them.
 */
final class DhcpPxe {
    static final String P = "dhcp.option.vendor.pxeclient.";
    static final ValueString SUBOPTIONS = ValueString.of(0, "Padding", 1, "PXE mtftp IP", 2, "PXE mtftp client port",
            3, "PXE mtftp server port", 4, "PXE mtftp timeout", 5, "PXE mtftp delay", 6, "PXE discovery control",
            7, "PXE multicast address", 8, "PXE boot servers", 9, "PXE boot menu", 10, "PXE menu prompt",
            11, "PXE multicast address alloc", 12, "PXE credential types", 71, "PXE boot item", 255, "PXE Client End");
    static final ValueString SERVER_TYPES = ValueString.of(0, "PXE bootstrap server",
            1, "Microsoft Windows NT Boot Server", 2, "Intel LCM Boot Server", 3, "DOS/UNDI Boot Server",
            4, "NEC ESMPRO Boot Server", 5, "IBM WSoD Boot Server", 6, "IBM LCCM Boot Server",
            7, "CA Unicenter TNG Boot Server", 8, "HP OpenView Boot Server");
    static final ValueString MENU_TYPES = ValueString.of(0, "Local boot");
    static final TrueFalse SET = new TrueFalse("Set", "Not set");

    static final FieldDef SUBOPTION = FieldDef.uint8(P + "suboption", "Option 43 Suboption");
    static final FieldDef VALUE = FieldDef.bytes("dhcp.option.vendor.value", "Value");
    static final FieldDef PADDING = FieldDef.uint8(P + "padding", "Padding");
    static final FieldDef END = FieldDef.uint8(P + "end", "PXE Client End");
    static final FieldDef MTFTP_IP = FieldDef.ipv4(P + "mtftp_ip", "mtftp IP");
    static final FieldDef MTFTP_CLIENT_PORT = FieldDef.uint16(P + "mtftp_client_port", "mtftp client port");
    static final FieldDef MTFTP_SERVER_PORT = FieldDef.uint16(P + "mtftp_server_port", "mtftp server port");
    static final FieldDef MTFTP_TIMEOUT = FieldDef.uint8(P + "mtftp_timeout", "mtftp timeout");
    static final FieldDef MTFTP_DELAY = FieldDef.uint8(P + "mtftp_delay", "mtftp delay");
    static final FieldDef DISCOVERY = FieldDef.uint8(P + "discovery_control", "discovery control").hex();
    static final FieldDef DISCOVERY_BROADCAST = FieldDef.bool(P + "discovery_control.broadcast", "Disable Broadcast", 8, 0x1)
            .tfs(SET);
    static final FieldDef DISCOVERY_MULTICAST = FieldDef.bool(P + "discovery_control.multicast", "Disable Multicast", 8, 0x2)
            .tfs(SET);
    static final FieldDef DISCOVERY_SERVERLIST = FieldDef.bool(P + "discovery_control.serverlist", "Serverlist only", 8, 0x4)
            .tfs(SET);
    static final FieldDef DISCOVERY_BSTRAP = FieldDef.bool(P + "discovery_control.bstrap", "Bootstrap override", 8, 0x8)
            .tfs(SET);
    static final FieldDef MULTICAST_ADDRESS = FieldDef.ipv4(P + "multicast_address", "multicast address");
    static final FieldDef BOOT_SERVERS = FieldDef.bytes(P + "boot_servers", "boot servers");
    static final FieldDef BOOT_SERVERS_TYPE = FieldDef.uint16(P + "boot_servers.type", "Type").vals(SERVER_TYPES);
    static final FieldDef BOOT_SERVERS_COUNT = FieldDef.uint8(P + "boot_servers.count", "IP count");
    static final FieldDef BOOT_SERVERS_IP = FieldDef.ipv4(P + "boot_servers.ip", "IP");
    static final FieldDef BOOT_MENU = FieldDef.bytes(P + "boot_menu", "boot menu");
    static final FieldDef BOOT_MENU_TYPE = FieldDef.uint16(P + "boot_menu.type", "Type").vals(MENU_TYPES);
    static final FieldDef BOOT_MENU_LENGTH = FieldDef.uint8(P + "boot_menu.length", "Length");
    static final FieldDef BOOT_MENU_DESC = FieldDef.string(P + "boot_menu.desc", "Description");
    static final FieldDef MENU_PROMPT = FieldDef.bytes(P + "menu_prompt", "menu prompt");
    static final FieldDef MENU_PROMPT_TIMEOUT = FieldDef.uint8(P + "menu_prompt.timeout", "Timeout");
    static final FieldDef MENU_PROMPT_PROMPT = FieldDef.string(P + "menu_prompt.prompt", "Prompt");
    static final FieldDef BOOT_ITEM = FieldDef.bytes(P + "boot_item", "boot item");
    static final FieldDef BOOT_ITEM_TYPE = FieldDef.uint16(P + "boot_item.type", "Type");
    static final FieldDef BOOT_ITEM_LAYER = FieldDef.bytes(P + "boot_item.layer", "Layer");

    static final List<FieldDef> FIELDS = List.of(SUBOPTION, VALUE, PADDING, END, MTFTP_IP, MTFTP_CLIENT_PORT,
            MTFTP_SERVER_PORT, MTFTP_TIMEOUT, MTFTP_DELAY, DISCOVERY, DISCOVERY_BROADCAST, DISCOVERY_MULTICAST,
            DISCOVERY_SERVERLIST, DISCOVERY_BSTRAP, MULTICAST_ADDRESS, BOOT_SERVERS, BOOT_SERVERS_TYPE,
            BOOT_SERVERS_COUNT, BOOT_SERVERS_IP, BOOT_MENU, BOOT_MENU_TYPE, BOOT_MENU_LENGTH, BOOT_MENU_DESC,
            MENU_PROMPT, MENU_PROMPT_TIMEOUT, MENU_PROMPT_PROMPT, BOOT_ITEM, BOOT_ITEM_TYPE, BOOT_ITEM_LAYER);

    static final ExpertDef UNKNOWN_SUBOPTION = new ExpertDef("dhcp.subopt.unknown_type",
            "ERROR, please report: Unknown subopt type handler", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);

    private static final String[] DISCOVERY_NAMES = {"Disable Broadcast", "Disable Multicast", "Serverlist only",
        "Bootstrap override"};

    private DhcpPxe() {}

    /** True when option 60 names a PXE client, whose option 43 this class decodes. */
    static boolean isPxeClient(String vendorClass) {
        return vendorClass != null && vendorClass.startsWith("PXEClient");
    }

    /** Adds the PXE sub-options in [{@code v}, {@code end}) under option 43's node. */
    static void decode(Tvb tvb, int v, int end, ProtoItem opt) {
        int p = v;
        while (p < end) {
            int code = tvb.u8(p);
            if (code == 0) {
                opt.add(PADDING, tvb, p, 1);
                p++;
                continue;
            }
            if (code == 255) {
                opt.add(END, tvb, p, 1);
                return;
            }
            int n = tvb.u8(p + 1);
            ProtoItem sub = opt.addUint(SUBOPTION, tvb, p, 2 + n, code);
            sub.setText("Option 43 Suboption: (" + code + ") " + SUBOPTIONS.nameOr(code, "Unknown"));
            sub.add(DhcpOptions.SUB_LENGTH, tvb, p + 1, 1);
            ProtoItem raw = sub.add(VALUE, tvb, p + 2, n);
            if (raw != sub) {
                raw.setHidden();
            }
            suboption(code, tvb, p + 2, n, sub);
            p += 2 + n;
        }
    }

    private static void suboption(int code, Tvb tvb, int d, int n, ProtoItem sub) {
        switch (code) {
            case 1 -> sub.add(MTFTP_IP, tvb, d, 4);
            // tshark reads the MTFTP ports little-endian
            case 2 -> sub.addLE(MTFTP_CLIENT_PORT, tvb, d, 2);
            case 3 -> sub.addLE(MTFTP_SERVER_PORT, tvb, d, 2);
            case 4 -> sub.add(MTFTP_TIMEOUT, tvb, d, 1);
            case 5 -> sub.add(MTFTP_DELAY, tvb, d, 1);
            case 6 -> {
                int flags = tvb.u8(d);
                ProtoItem dc = sub.add(DISCOVERY, tvb, d, 1);
                StringBuilder label = new StringBuilder(String.format(java.util.Locale.ROOT,
                        "discovery control: 0x%02x", flags));
                for (int i = 0; i < 4; i++) {
                    if ((flags & (1 << i)) != 0) {
                        label.append(", ").append(DISCOVERY_NAMES[i]);
                    }
                }
                dc.setText(label.toString());
                dc.add(DISCOVERY_BROADCAST, tvb, d, 1);
                dc.add(DISCOVERY_MULTICAST, tvb, d, 1);
                dc.add(DISCOVERY_SERVERLIST, tvb, d, 1);
                dc.add(DISCOVERY_BSTRAP, tvb, d, 1);
            }
            case 7 -> sub.add(MULTICAST_ADDRESS, tvb, d, 4);
            case 8 -> {
                ProtoItem servers = sub.add(BOOT_SERVERS, tvb, d, n);
                int p = d;
                while (p + 3 <= d + n) {
                    servers.add(BOOT_SERVERS_TYPE, tvb, p, 2);
                    int count = tvb.u8(p + 2);
                    servers.add(BOOT_SERVERS_COUNT, tvb, p + 2, 1);
                    p += 3;
                    for (int i = 0; i < count; i++, p += 4) {
                        servers.add(BOOT_SERVERS_IP, tvb, p, 4);
                    }
                }
            }
            case 9 -> {
                ProtoItem menu = sub.add(BOOT_MENU, tvb, d, n);
                int p = d;
                while (p + 3 <= d + n) {
                    menu.add(BOOT_MENU_TYPE, tvb, p, 2);
                    int l = tvb.u8(p + 2);
                    menu.add(BOOT_MENU_LENGTH, tvb, p + 2, 1);
                    menu.addString(BOOT_MENU_DESC, tvb, p + 3, l, AsciiText.of(tvb, p + 3, l));
                    p += 3 + l;
                }
            }
            case 10 -> {
                ProtoItem prompt = sub.add(MENU_PROMPT, tvb, d, n);
                prompt.add(MENU_PROMPT_TIMEOUT, tvb, d, 1);
                prompt.addString(MENU_PROMPT_PROMPT, tvb, d + 1, n - 1, AsciiText.of(tvb, d + 1, n - 1));
            }
            case 71 -> {
                ProtoItem item = sub.add(BOOT_ITEM, tvb, d, n);
                item.add(BOOT_ITEM_TYPE, tvb, d, 2);
                item.add(BOOT_ITEM_LAYER, tvb, d + 2, 2);
            }
            default -> sub.expert(UNKNOWN_SUBOPTION, "ERROR, please report: Unknown subopt type handler " + code);
        }
    }
}
