package dev.dorsal.dissectors.dhcpv6;

import dev.dorsal.dissectors.arp.ArpValues;
import dev.dorsal.dissectors.text.AsciiText;
import dev.dorsal.engine.spi.AddressFormat;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.CoreFields;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
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
 * Reads DHCPv6 messages (RFC 8415) on UDP ports 546 and 547 as tshark 4.0.17 shows them: client and
 * server messages (type, transaction id, options) and relay messages (hop count, link and peer
 * addresses, options with the relayed message inside). Options are nested where RFC 8415 nests them
 * (IA_NA, IA_TA, IA_PD, IA Address, IA Prefix). Filter prefix {@code dhcpv6.}.
 *
 * <pre>
 * | msg-type (8) | transaction-id (24) | options: code (16) | length (16) | value ... |
 * | 12/13 (8) | hop-count (8) | link-address (128) | peer-address (128) | options ... |
 * </pre>
 */
public final class Dhcpv6Dissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("DHCPv6", "DHCPv6", "dhcpv6");

    static final int RELAY_FORW = 12;
    static final int RELAY_REPL = 13;
    /** Seconds from the Unix epoch to 2000-01-01 00:00 UTC, where DUID-LLT times start. */
    static final long DUID_EPOCH = 946684800L;

    static final ValueString MESSAGE_TYPES = ValueString.of(1, "Solicit", 2, "Advertise", 3, "Request", 4, "Confirm",
            5, "Renew", 6, "Rebind", 7, "Reply", 8, "Release", 9, "Decline", 10, "Reconfigure", 11, "Information-request",
            12, "Relay-forw", 13, "Relay-reply", 14, "Leasequery", 15, "Leasequery-reply", 16, "Leasequery-done",
            17, "Leasequery-data", 18, "Reconfigure-request", 19, "Reconfigure-reply");
    static final ValueString DUID_TYPES = ValueString.of(1, "link-layer address plus time",
            2, "assigned by vendor based on Enterprise number", 3, "link-layer address",
            4, "Universally Unique IDentifier (UUID)");
    static final ValueString STATUS_CODES = ValueString.of(0, "Success", 1, "UnspecFail", 2, "NoAddrAvail",
            3, "NoBinding", 4, "NotOnLink", 5, "UseMulticast", 6, "NoPrefixAvail", 7, "UnknownQueryType",
            8, "MalformedQuery", 9, "NotConfigured", 10, "NotAllowed", 11, "QueryTerminated", 12, "DataMissing",
            13, "CatchUpComplete", 14, "NotSupported", 15, "TLSConnectionRefused");
    /** IANA private enterprise numbers Dorsal names (tshark reads the whole registry). */
    static final ValueString ENTERPRISES = ValueString.of(9, "ciscoSystems", 311, "Microsoft",
            3561, "Broadband Forum (previously 'DSL Forum')", 4491, "Cable Television Laboratories, Inc.");

    static final FieldDef MSGTYPE = FieldDef.uint8("dhcpv6.msgtype", "Message type").vals(MESSAGE_TYPES);
    static final FieldDef HOPCOUNT = FieldDef.uint8("dhcpv6.hopcount", "Hopcount");
    static final FieldDef XID = FieldDef.uint24("dhcpv6.xid", "Transaction ID").hex();
    static final FieldDef LINKADDR = FieldDef.ipv6("dhcpv6.linkaddr", "Link address");
    static final FieldDef PEERADDR = FieldDef.ipv6("dhcpv6.peeraddr", "Peer address");
    static final FieldDef OPTION = FieldDef.string("dhcpv6.option.type_str", "Option");
    static final FieldDef OPTION_TYPE = FieldDef.uint16("dhcpv6.option.type", "Option").vals(Dhcpv6OptionNames.NAMES);
    static final FieldDef OPTION_LENGTH = FieldDef.uint16("dhcpv6.option.length", "Length");
    static final FieldDef DUID = FieldDef.bytes("dhcpv6.duid.bytes", "DUID");
    static final FieldDef DUID_TYPE = FieldDef.uint16("dhcpv6.duid.type", "DUID Type").vals(DUID_TYPES);
    static final FieldDef LLT_HWTYPE = FieldDef.uint16("dhcpv6.duidllt.hwtype", "Hardware type")
            .vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef LLT_TIME = FieldDef.absoluteTime("dhcpv6.duidllt.time", "DUID Time");
    static final FieldDef LLT_ADDR = FieldDef.string("dhcpv6.duidllt.link_layer_addr", "Link-layer address");
    static final FieldDef EN_ENTERPRISE = FieldDef.uint32("dhcpv6.duiden.enterprise", "Enterprise ID")
            .custom(Dhcpv6Dissector::enterprise);
    static final FieldDef EN_IDENTIFIER = FieldDef.bytes("dhcpv6.duiden.identifier", "Identifier");
    static final FieldDef LL_HWTYPE = FieldDef.uint16("dhcpv6.duidll.hwtype", "Hardware type")
            .vals(ArpValues.HARDWARE_TYPES);
    static final FieldDef LL_ADDR = FieldDef.string("dhcpv6.duidll.link_layer_addr", "Link-layer address");
    static final FieldDef UUID = FieldDef.bytes("dhcpv6.duiduuid.bytes", "UUID");
    static final FieldDef IAID = FieldDef.string("dhcpv6.iaid", "IAID");
    static final FieldDef T1 = FieldDef.uint32("dhcpv6.iaid.t1", "T1");
    static final FieldDef T2 = FieldDef.uint32("dhcpv6.iaid.t2", "T2");
    static final FieldDef IATA = FieldDef.string("dhcpv6.iata", "IATA");
    static final FieldDef IAADDR = FieldDef.ipv6("dhcpv6.iaaddr.ip", "IPv6 address");
    static final FieldDef IAADDR_PREFERRED = FieldDef.uint32("dhcpv6.iaaddr.pref_lifetime", "Preferred lifetime");
    static final FieldDef IAADDR_VALID = FieldDef.uint32("dhcpv6.iaaddr.valid_lifetime", "Valid lifetime");
    static final FieldDef IAPREFIX_PREFERRED = FieldDef.uint32("dhcpv6.iaprefix.pref_lifetime", "Preferred lifetime");
    static final FieldDef IAPREFIX_VALID = FieldDef.uint32("dhcpv6.iaprefix.valid_lifetime", "Valid lifetime");
    static final FieldDef IAPREFIX_LENGTH = FieldDef.uint8("dhcpv6.iaprefix.pref_len", "Prefix length");
    static final FieldDef IAPREFIX_ADDR = FieldDef.ipv6("dhcpv6.iaprefix.pref_addr", "Prefix address");
    static final FieldDef REQUESTED = FieldDef.uint16("dhcpv6.requested_option_code", "Requested Option code")
            .vals(Dhcpv6OptionNames.NAMES);
    static final FieldDef PREFERENCE = FieldDef.uint8("dhcpv6.option_preference", "Pref-value");
    static final FieldDef ELAPSED = FieldDef.uint16("dhcpv6.elapsed_time", "Elapsed time");
    static final FieldDef UNICAST = FieldDef.ipv6("dhcpv6.unicast", "IPv6 address");
    static final FieldDef STATUS_CODE = FieldDef.uint16("dhcpv6.status_code", "Status Code").vals(STATUS_CODES);
    static final FieldDef STATUS_MSG = FieldDef.string("dhcpv6.status_msg", "Status Message");
    static final FieldDef USERCLASS_LENGTH = FieldDef.uint16("dhcpv6.userclass.length", "Length");
    static final FieldDef USERCLASS_DATA = FieldDef.bytes("dhcpv6.userclass.opaque_data", "Suboption");
    static final FieldDef VENDORCLASS_ENTERPRISE = FieldDef.uint32("dhcpv6.vendorclass.enterprise", "Enterprise ID")
            .custom(Dhcpv6Dissector::enterprise);
    static final FieldDef VENDORCLASS_DATA = FieldDef.stringz("dhcpv6.vendorclass.data", "vendor-class-data");
    static final FieldDef VENDOROPTS_ENTERPRISE = FieldDef.uint32("dhcpv6.vendoropts.enterprise", "Enterprise ID")
            .custom(Dhcpv6Dissector::enterprise);
    static final FieldDef VENDOROPTS_CODE = FieldDef.uint16("dhcpv6.vendoropts.enterprise.option_code", "Option code");
    static final FieldDef VENDOROPTS_LENGTH = FieldDef.uint16("dhcpv6.vendoropts.enterprise.option_length",
            "Option length");
    static final FieldDef VENDOROPTS_DATA = FieldDef.bytes("dhcpv6.vendoropts.enterprise.option_data", "Option data");
    static final FieldDef INTERFACE_ID = FieldDef.bytes("dhcpv6.interface_id", "Interface-ID");
    static final FieldDef DNS_SERVER = FieldDef.ipv6("dhcpv6.dns_server", "DNS server address");
    static final FieldDef SEARCH_ENTRY = FieldDef.string("dhcpv6.search_list_entry", "List entry");
    static final FieldDef FQDN_FLAGS = FieldDef.uint8("dhcpv6.client_fqdn_flags", "Flags").hex();
    static final FieldDef FQDN_CLIENT_N = FieldDef.bool("dhcpv6.clientfqdn.client.n", "N bit", 8, 0x04)
            .tfs(new TrueFalse("Server SHOULD NOT perform PTR RR updates", "Server SHOULD perform PTR RR updates"));
    static final FieldDef FQDN_CLIENT_S = FieldDef.bool("dhcpv6.clientfqdn.client.s", "S bit", 8, 0x01)
            .tfs(new TrueFalse("Server SHOULD perform AAAA RR updates", "Server SHOULD NOT perform AAAA RR updates"));
    static final FieldDef FQDN_SERVER_N = FieldDef.bool("dhcpv6.clientfqdn.server.n", "N bit", 8, 0x04)
            .tfs(new TrueFalse("Server SHOULD NOT perform PTR RR updates", "Server SHOULD perform PTR RR updates"));
    static final FieldDef FQDN_SERVER_O = FieldDef.bool("dhcpv6.clientfqdn.server.o", "O bit", 8, 0x02)
            .tfs(new TrueFalse("Server HAS overridden client's S bit preference",
                    "Server HAS NOT overridden client's S bit preference"));
    static final FieldDef FQDN_SERVER_S = FieldDef.bool("dhcpv6.clientfqdn.server.s", "S bit", 8, 0x01)
            .tfs(new TrueFalse("Server SHOULD perform AAAA RR updates", "Server SHOULD NOT perform AAAA RR updates"));
    static final FieldDef CLIENT_DOMAIN = FieldDef.string("dhcpv6.client_domain", "Client Domain Name");
    static final FieldDef SIP_SERVER = FieldDef.ipv6("dhcpv6.sip_server_a", "SIP server address");
    static final FieldDef NIS_SERVER = FieldDef.ipv6("dhcpv6.nis_server", "NIS server address");
    static final FieldDef NISP_SERVER = FieldDef.ipv6("dhcpv6.nisp_server", "NISP server address");
    static final FieldDef SNTP_SERVER = FieldDef.ipv6("dhcpv6.sntp_server", "SNTP server address");
    static final FieldDef BCMCS_SERVER = FieldDef.ipv6("dhcpv6.bcmcs_server_a", "BCMCS server address");
    static final FieldDef PANA_AGENT = FieldDef.ipv6("dhcpv6.pana_agent", "PANA agents address");
    static final FieldDef LQ_CLIENT_LINK = FieldDef.ipv6("dhcpv6.lq_client_link", "LQ client links address");
    static final FieldDef CAPWAP_AC = FieldDef.ipv6("dhcpv6.capwap_ac_v6", "CAPWAP Access Controllers address");
    static final FieldDef SIP_DOMAIN = FieldDef.string("dhcpv6.sip_server_domain_search_fqdn",
            "SIP Server Domain Search FQDN");
    static final FieldDef NIS_FQDN = FieldDef.string("dhcpv6.nis_fqdn", "NIS FQDN");
    static final FieldDef NISP_FQDN = FieldDef.string("dhcpv6.nisp_fqdn", "NISP FQDN");
    static final FieldDef BCMCS_FQDN = FieldDef.string("dhcpv6.bcmcs_server_fqdn", "BCMCS server FQDN");
    static final FieldDef LIFETIME = FieldDef.uint32("dhcpv6.lifetime", "Lifetime");
    static final FieldDef REMOTE_ENTERPRISE = FieldDef.uint32("dhcpv6.remoteid.enterprise", "Enterprise ID")
            .custom(Dhcpv6Dissector::enterprise);
    static final FieldDef REMOTE_ID = FieldDef.bytes("dhcpv6.remoteid_enterprise_id", "Remote-ID");
    static final FieldDef SUBSCRIBER_ID = FieldDef.string("dhcpv6.subscriber_id", "Subscriber-ID");
    static final FieldDef TIMEZONE = FieldDef.string("dhcpv6.timezone", "Time-zone");
    static final FieldDef TZDB = FieldDef.string("dhcpv6.tzdb", "TZ-database");
    static final FieldDef CLT_TIME = FieldDef.uint32("dhcpv6.clt_time", "Clt_time");
    static final FieldDef AFTR_NAME = FieldDef.string("dhcpv6.aftr_name", "DS-Lite AFTR Name");
    static final ValueString NTP_SUBOPTIONS = ValueString.of(1, "NTP Server Address", 2, "NTP Multicast Address",
            3, "NTP Server FQDN");
    static final FieldDef NTP_TYPE = FieldDef.uint16("dhcpv6.ntpserver.option.type", "Suboption").vals(NTP_SUBOPTIONS);
    static final FieldDef NTP_LENGTH = FieldDef.uint16("dhcpv6.ntpserver.option.length", "Length");
    static final FieldDef NTP_ADDR = FieldDef.ipv6("dhcpv6.ntpserver.addr", "NTP Server Address");
    static final FieldDef NTP_MC_ADDR = FieldDef.ipv6("dhcpv6.ntpserver.mc_addr", "NTP Multicast Address");
    static final FieldDef NTP_FQDN = FieldDef.string("dhcpv6.ntpserver.fqdn", "NTP Server FQDN");
    static final FieldDef RECONF_MSG = FieldDef.uint8("dhcpv6.reconf_msg", "Reconfigure message type")
            .vals(MESSAGE_TYPES);
    static final FieldDef AUTH_PROTOCOL = FieldDef.uint8("dhcpv6.auth.protocol", "Protocol");
    static final FieldDef AUTH_ALGORITHM = FieldDef.uint8("dhcpv6.auth.algorithm", "Algorithm");
    static final FieldDef AUTH_RDM = FieldDef.uint8("dhcpv6.auth.rdm", "RDM");
    static final FieldDef AUTH_REPLAY = FieldDef.bytes("dhcpv6.auth.replay_detection", "Replay Detection");
    static final FieldDef AUTH_INFO = FieldDef.bytes("dhcpv6.auth.info", "Authentication Information");
    static final FieldDef PD_EXCLUDE_LENGTH = FieldDef.uint8("dhcpv6.pd_exclude.pref_len", "Prefix length");
    static final FieldDef PD_EXCLUDE_SUBNET = FieldDef.bytes("dhcpv6.pd_exclude.subnet_id", "IPv6 subnet ID");
    static final FieldDef TLD = FieldDef.string("dhcpv6.tld", "Top Level Domain name");
    static final FieldDef ROOT_ONLY = FieldDef.string("dhcpv6.root_only_domain_name", "Root only domain name");

    static final List<FieldDef> FIELDS = List.of(MSGTYPE, HOPCOUNT, XID, LINKADDR, PEERADDR, OPTION, OPTION_TYPE,
            OPTION_LENGTH, DUID, DUID_TYPE, LLT_HWTYPE, LLT_TIME, LLT_ADDR, EN_ENTERPRISE, EN_IDENTIFIER, LL_HWTYPE,
            LL_ADDR, UUID, IAID, T1, T2, IATA, IAADDR, IAADDR_PREFERRED, IAADDR_VALID, IAPREFIX_PREFERRED,
            IAPREFIX_VALID, IAPREFIX_LENGTH, IAPREFIX_ADDR, REQUESTED, PREFERENCE, ELAPSED, UNICAST, STATUS_CODE,
            STATUS_MSG, USERCLASS_LENGTH, USERCLASS_DATA, VENDORCLASS_ENTERPRISE, VENDORCLASS_DATA,
            VENDOROPTS_ENTERPRISE, VENDOROPTS_CODE, VENDOROPTS_LENGTH, VENDOROPTS_DATA, INTERFACE_ID, DNS_SERVER,
            SEARCH_ENTRY, FQDN_FLAGS, FQDN_CLIENT_N, FQDN_CLIENT_S, FQDN_SERVER_N, FQDN_SERVER_O, FQDN_SERVER_S,
            CLIENT_DOMAIN, TLD, ROOT_ONLY, SIP_SERVER, NIS_SERVER, NISP_SERVER, SNTP_SERVER, BCMCS_SERVER, PANA_AGENT,
            LQ_CLIENT_LINK, CAPWAP_AC, SIP_DOMAIN, NIS_FQDN, NISP_FQDN, BCMCS_FQDN, LIFETIME, REMOTE_ENTERPRISE,
            REMOTE_ID, SUBSCRIBER_ID, TIMEZONE, TZDB, CLT_TIME, AFTR_NAME, NTP_TYPE, NTP_LENGTH, NTP_ADDR, NTP_MC_ADDR,
            NTP_FQDN, RECONF_MSG, AUTH_PROTOCOL, AUTH_ALGORITHM, AUTH_RDM, AUTH_REPLAY, AUTH_INFO, PD_EXCLUDE_LENGTH,
            PD_EXCLUDE_SUBNET);

    static final ExpertDef MALFORMED_OPTION = new ExpertDef("dhcpv6.malformed_option", "Malformed option",
            ExpertDef.Group.MALFORMED, ExpertDef.Severity.ERROR);

    static final ExpertDef TLD_WARNING = new ExpertDef("dhcpv6.expert.tld_lookup", "WARNING: TLDs are rarely resolvable ",
            ExpertDef.Group.COMMENTS_GROUP, ExpertDef.Severity.WARN);
    static final ExpertDef S_BIT_ERROR = new ExpertDef("dhcpv6.s_bit_should_be_zero",
            "ERROR: When the N-bit is set, the S-bit must be reset", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);
    static final ExpertDef ROOT_ONLY_ERROR = new ExpertDef("dhcpv6.expert.root_only_domain_name",
            "ERROR: A root-only domain name cannot be resolved.", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.ERROR);

    /** How deep relay messages may nest before the rest is left undecoded (tshark's hop-count limit is 32). */
    static final int MAX_DEPTH = 32;

    @Override
    public String name() {
        return "dhcpv6";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.experts(PROTO, List.of(MALFORMED_OPTION, TLD_WARNING, ROOT_ONLY_ERROR, S_BIT_ERROR));
        r.handle("dhcpv6", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(546, t.handle("dhcpv6"));
        t.table("udp.port").add(547, t.handle("dhcpv6"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        Columns cols = pinfo.columns();
        cols.setProtocol("DHCPv6");
        cols.clearInfo();
        ProtoItem root = tree.addProtocol(PROTO, tvb, 0, tvb.length(), PROTO.name());
        message(tvb, 0, tvb.reportedLength(), root, cols, 0);
        return tvb.length();
    }

    /** One message in [{@code off}, {@code end}): its header, then its options. */
    private static void message(Tvb tvb, int off, int end, ProtoItem tree, Columns cols, int depth) {
        int type = tvb.u8(off);
        tree.add(MSGTYPE, tvb, off, 1);
        String name = MESSAGE_TYPES.nameOr(type, "Message Type " + type);
        if (type == RELAY_FORW || type == RELAY_REPL) {
            cols.appendInfo(name + " ");
            tree.add(HOPCOUNT, tvb, off + 1, 1);
            tree.add(LINKADDR, tvb, off + 2, 16);
            tree.add(PEERADDR, tvb, off + 18, 16);
            cols.appendInfo("L: " + AddressFormat.ipv6(tvb.bytes(off + 2, 16)) + " ");
            options(tvb, off + 34, end, tree, cols, type, depth);
        } else {
            tree.add(XID, tvb, off + 1, 3);
            cols.appendInfo(String.format(Locale.ROOT, "%s XID: 0x%06x ", name, tvb.u24(off + 1)));
            options(tvb, off + 4, end, tree, cols, type, depth);
        }
    }

    private static void options(Tvb tvb, int off, int end, ProtoItem tree, Columns cols, int msgType, int depth) {
        while (off < end) {
            // fewer than four bytes left, or an option longer than what is left, ends the list
            // silently, as in tshark
            if (end - off < 4) {
                return;
            }
            int code = tvb.u16(off);
            int len = tvb.u16(off + 2);
            if (4 + len > end - off) {
                return;
            }
            // the whole option must be there (or the snapshot cut it) before its node is added
            tvb.bytes(off, 4 + len);
            String name = Dhcpv6OptionNames.NAMES.name(code);
            String text = name != null ? name : "DHCP option " + code;
            ProtoItem opt = tree.addString(OPTION, tvb, off, 4 + len, text);
            opt.setText(text);
            opt.add(OPTION_TYPE, tvb, off, 2);
            opt.add(OPTION_LENGTH, tvb, off + 2, 2);
            option(code, tvb, off + 4, len, opt, cols, msgType, depth);
            off += 4 + len;
        }
    }

    private static void malformed(ProtoItem opt, String what) {
        opt.expert(MALFORMED_OPTION, what + ": malformed option");
    }

    private static void option(int code, Tvb tvb, int v, int len, ProtoItem opt, Columns cols, int msgType, int depth) {
        int end = v + len;
        switch (code) {
            case 1, 2, 53 -> {
                duid(tvb, v, len, opt);
                if (code == 1) {
                    cols.appendInfo("CID: " + AddressFormat.hexJoined(tvb.bytes(v, len), '\0') + " ");
                }
            }
            case 3, 25 -> {
                if (len < 12) {
                    malformed(opt, code == 3 ? "IA_NA" : "IA_PD");
                    return;
                }
                opt.addString(IAID, tvb, v, 4, AddressFormat.hexJoined(tvb.bytes(v, 4), '\0'));
                lifetime(opt, T1, tvb, v + 4, "T1");
                lifetime(opt, T2, tvb, v + 8, "T2");
                options(tvb, v + 12, end, opt, cols, msgType, depth);
            }
            case 4 -> {
                if (len < 4) {
                    malformed(opt, "IA_TA");
                    return;
                }
                opt.addString(IATA, tvb, v, 4, AddressFormat.hexJoined(tvb.bytes(v, 4), '\0'));
                options(tvb, v + 4, end, opt, cols, msgType, depth);
            }
            case 5 -> {
                if (len < 24) {
                    malformed(opt, "IA_TA");
                    return;
                }
                opt.add(IAADDR, tvb, v, 16);
                lifetime(opt, IAADDR_PREFERRED, tvb, v + 16, "Preferred lifetime");
                // tshark labels an infinite valid lifetime "Preferred lifetime" too
                lifetime(opt, IAADDR_VALID, tvb, v + 20, "Valid lifetime", "Preferred lifetime");
                cols.appendInfo("IAA: " + AddressFormat.ipv6(tvb.bytes(v, 16)) + " ");
                options(tvb, v + 24, end, opt, cols, msgType, depth);
            }
            case 26 -> {
                if (len < 25) {
                    malformed(opt, "IAPREFIX");
                    return;
                }
                lifetime(opt, IAPREFIX_PREFERRED, tvb, v, "Preferred lifetime");
                lifetime(opt, IAPREFIX_VALID, tvb, v + 4, "Valid lifetime");
                opt.add(IAPREFIX_LENGTH, tvb, v + 8, 1);
                opt.add(IAPREFIX_ADDR, tvb, v + 9, 16);
                options(tvb, v + 25, end, opt, cols, msgType, depth);
            }
            case 6, 43 -> {
                for (int i = 0; i + 2 <= len; i += 2) {
                    opt.add(REQUESTED, tvb, v + i, 2);
                }
            }
            case 7 -> {
                if (len != 1) {
                    malformed(opt, "PREFERENCE");
                } else {
                    opt.add(PREFERENCE, tvb, v, 1);
                }
            }
            case 8 -> {
                if (len != 2) {
                    malformed(opt, "ELAPSED-TIME");
                } else {
                    // the field holds milliseconds; the wire counts hundredths of a second
                    ProtoItem e = opt.addUint(ELAPSED, tvb, v, 2, tvb.u16(v) * 10L);
                    e.setText("Elapsed time: " + (tvb.u16(v) * 10L) + "ms");
                }
            }
            case 9 -> {
                if (len > 0 && depth < MAX_DEPTH) {
                    ProtoItem inner = opt.addProtocol(PROTO, tvb, v, len, PROTO.name());
                    message(tvb, v, end, inner, cols, depth + 1);
                }
            }
            case 12 -> {
                if (len != 16) {
                    malformed(opt, "UNICAST");
                } else {
                    opt.add(UNICAST, tvb, v, 16);
                }
            }
            case 13 -> {
                opt.add(STATUS_CODE, tvb, v, 2);
                ProtoItem msg = opt.addString(STATUS_MSG, tvb, v + 2, len - 2, AsciiText.of(tvb, v + 2, len - 2));
                if (AsciiText.strayAfterNul(tvb, v + 2, len - 2)) {
                    msg.expert(CoreFields.TRAILING_STRAY);
                }
            }
            case 15 -> userClass(tvb, v, end, opt);
            case 16 -> {
                opt.add(VENDORCLASS_ENTERPRISE, tvb, v, 4);
                int p = v + 4;
                while (p + 2 <= end) {
                    int n = tvb.u16(p);
                    opt.add(VENDORCLASS_DATA, tvb, p + 2, n);
                    p += 2 + n;
                }
            }
            case 17 -> {
                opt.add(VENDOROPTS_ENTERPRISE, tvb, v, 4);
                int p = v + 4;
                while (p + 4 <= end) {
                    int n = tvb.u16(p + 2);
                    ProtoItem sub = opt.addText(tvb, p, 4 + n, "option");
                    sub.add(VENDOROPTS_CODE, tvb, p, 2);
                    sub.add(VENDOROPTS_LENGTH, tvb, p + 2, 2);
                    sub.add(VENDOROPTS_DATA, tvb, p + 4, n);
                    p += 4 + n;
                }
            }
            case 18 -> opt.add(INTERFACE_ID, tvb, v, len);
            case 23 -> addresses(tvb, v, len, opt, DNS_SERVER, "DNS servers address", true);
            case 22 -> addresses(tvb, v, len, opt, SIP_SERVER, "SIP servers address", false);
            case 27 -> addresses(tvb, v, len, opt, NIS_SERVER, "NIS servers address", false);
            case 28 -> addresses(tvb, v, len, opt, NISP_SERVER, "NISP servers address", false);
            case 31 -> addresses(tvb, v, len, opt, SNTP_SERVER, "SNTP servers address", true);
            case 34 -> addresses(tvb, v, len, opt, BCMCS_SERVER, "BCMCS servers address", false);
            case 40 -> addresses(tvb, v, len, opt, PANA_AGENT, "PANA agent address", false);
            case 48 -> addresses(tvb, v, len, opt, LQ_CLIENT_LINK, "LQ client links address", false);
            case 52 -> addresses(tvb, v, len, opt, CAPWAP_AC, "CAPWAP Access Controllers address", false);
            case 21 -> domains(tvb, v, end, opt.addText(tvb, v, len, "SIP Servers Domain Search List"), SIP_DOMAIN);
            case 24 -> domains(tvb, v, end, opt.addText(tvb, v, len, "Domain name suffix search list"), SEARCH_ENTRY);
            case 29 -> domains(tvb, v, end, opt.addText(tvb, v, len, "nis-domain-name"), NIS_FQDN);
            case 30 -> domains(tvb, v, end, opt.addText(tvb, v, len, "nisp-domain-name"), NISP_FQDN);
            case 33 -> domains(tvb, v, end, opt.addText(tvb, v, len, "BCMCS Servers Domain Search List"), BCMCS_FQDN);
            case 64 -> domains(tvb, v, end, opt, AFTR_NAME);
            case 32, 46 -> {
                if (len == 4) {
                    opt.add(code == 32 ? LIFETIME : CLT_TIME, tvb, v, 4);
                }
            }
            case 37 -> {
                if (len >= 4) {
                    opt.add(REMOTE_ENTERPRISE, tvb, v, 4);
                    opt.add(REMOTE_ID, tvb, v + 4, len - 4);
                }
            }
            case 38 -> string(tvb, v, len, opt, SUBSCRIBER_ID);
            case 41 -> string(tvb, v, len, opt, TIMEZONE);
            case 42 -> string(tvb, v, len, opt, TZDB);
            case 56 -> ntpServer(tvb, v, end, opt);
            case 19 -> {
                if (len != 1) {
                    malformed(opt, "RECONF_MSG");
                } else {
                    opt.add(RECONF_MSG, tvb, v, 1);
                }
            }
            case 20 -> {
                if (len != 0) {
                    malformed(opt, "RECONF_ACCEPT");
                }
            }
            case 11 -> {
                if (len < 11) {
                    malformed(opt, "AUTH");
                    return;
                }
                opt.add(AUTH_PROTOCOL, tvb, v, 1);
                opt.add(AUTH_ALGORITHM, tvb, v + 1, 1);
                opt.add(AUTH_RDM, tvb, v + 2, 1);
                opt.add(AUTH_REPLAY, tvb, v + 3, 8);
                if (len > 11) {
                    opt.add(AUTH_INFO, tvb, v + 11, len - 11);
                }
            }
            case 67 -> {
                if (len >= 2) {
                    opt.add(PD_EXCLUDE_LENGTH, tvb, v, 1);
                    opt.add(PD_EXCLUDE_SUBNET, tvb, v + 1, len - 1);
                }
            }
            case 39 -> fqdn(tvb, v, len, opt, msgType, cols);
            default -> { }
        }
    }

    /**
     * A list of IPv6 addresses; a length that is not a multiple of 16 gets tshark's malformed-option
     * mark instead. Some lists number their entries.
     */
    private static void addresses(Tvb tvb, int v, int len, ProtoItem opt, FieldDef f, String what, boolean numbered) {
        if (len % 16 != 0) {
            malformed(opt, what);
            return;
        }
        for (int i = 0; i < len; i += 16) {
            ProtoItem a = opt.add(f, tvb, v + i, 16);
            if (numbered) {
                a.setText(" " + (i / 16 + 1) + " " + f.name() + ": " + AddressFormat.ipv6(tvb.bytes(v + i, 16)));
            }
        }
    }

    /** DNS-encoded names (no compression) one after the other, each shown with its final dot. */
    private static void domains(Tvb tvb, int v, int end, ProtoItem list, FieldDef f) {
        int p = v;
        while (p < end) {
            int start = p;
            StringBuilder sb = new StringBuilder();
            while (p < end && tvb.u8(p) != 0) {
                int n = tvb.u8(p);
                sb.append(tvb.ascii(p + 1, n)).append('.');
                p += 1 + n;
            }
            p++;
            list.addString(f, tvb, start, Math.min(p, end) - start, sb.toString());
        }
    }

    private static void string(Tvb tvb, int v, int len, ProtoItem opt, FieldDef f) {
        ProtoItem str = opt.addString(f, tvb, v, len, AsciiText.of(tvb, v, len));
        if (AsciiText.strayAfterNul(tvb, v, len)) {
            str.expert(CoreFields.TRAILING_STRAY);
        }
    }

    /** NTP Server (RFC 5908): sub-options with a server address, a multicast address or a name. */
    private static void ntpServer(Tvb tvb, int v, int end, ProtoItem opt) {
        int p = v;
        while (p + 4 <= end) {
            int type = tvb.u16(p);
            int n = tvb.u16(p + 2);
            ProtoItem sub = opt.addText(tvb, p, 4 + n, NTP_SUBOPTIONS.nameOr(type, "NTP Server suboption " + type));
            sub.add(NTP_TYPE, tvb, p, 2);
            sub.add(NTP_LENGTH, tvb, p + 2, 2);
            switch (type) {
                case 1 -> sub.add(NTP_ADDR, tvb, p + 4, 16);
                case 2 -> sub.add(NTP_MC_ADDR, tvb, p + 4, 16);
                case 3 -> domains(tvb, p + 4, p + 4 + n, sub, NTP_FQDN);
                default -> { }
            }
            p += 4 + n;
        }
    }

    /** A DUID (RFC 8415 §11): the bytes, the type and, for the known types, its parts. */
    private static void duid(Tvb tvb, int v, int len, ProtoItem opt) {
        opt.add(DUID, tvb, v, len);
        opt.add(DUID_TYPE, tvb, v, 2);
        int end = v + len;
        switch (tvb.u16(v)) {
            case 1 -> {
                if (len < 8) {
                    malformed(opt, "DUID");
                    return;
                }
                opt.add(LLT_HWTYPE, tvb, v + 2, 2);
                opt.addTime(LLT_TIME, tvb, v + 4, 4, (tvb.u32(v + 4) + DUID_EPOCH) * 1_000_000_000L);
                opt.addString(LLT_ADDR, tvb, v + 8, end - v - 8, AddressFormat.hexJoined(tvb.bytes(v + 8, end - v - 8), ':'));
            }
            case 2 -> {
                opt.add(EN_ENTERPRISE, tvb, v + 2, 4);
                opt.add(EN_IDENTIFIER, tvb, v + 6, end - v - 6);
            }
            case 3 -> {
                opt.add(LL_HWTYPE, tvb, v + 2, 2);
                opt.addString(LL_ADDR, tvb, v + 4, end - v - 4, AddressFormat.hexJoined(tvb.bytes(v + 4, end - v - 4), ':'));
            }
            case 4 -> opt.add(UUID, tvb, v + 2, end - v - 2);
            default -> { }
        }
    }

    /** A lifetime in seconds; all ones is "infinity", shown under {@code infinityLabel}. */
    private static void lifetime(ProtoItem opt, FieldDef f, Tvb tvb, int off, String label, String infinityLabel) {
        ProtoItem t = opt.add(f, tvb, off, 4);
        if (tvb.u32(off) == 0xffffffffL) {
            t.setText(infinityLabel + ": infinity");
        } else {
            t.setText(label + ": " + tvb.u32(off));
        }
    }

    private static void lifetime(ProtoItem opt, FieldDef f, Tvb tvb, int off, String label) {
        lifetime(opt, f, tvb, off, label, label);
    }

    /** User Class (RFC 8415 §21.15): opaque data items, each with a two-byte length. */
    private static void userClass(Tvb tvb, int v, int end, ProtoItem opt) {
        int p = v;
        while (p < end) {
            if (p + 2 > end || p + 2 + tvb.u16(p) > end) {
                opt.expert(MALFORMED_OPTION, "User Class: suboption too long");
                return;
            }
            int n = tvb.u16(p);
            // tshark's node covers as many bytes as the data, starting at the length field
            ProtoItem sub = opt.addText(tvb, p, n, "User Class suboption");
            sub.add(USERCLASS_LENGTH, tvb, p, 2);
            sub.add(USERCLASS_DATA, tvb, p + 2, n);
            p += 2 + n;
        }
    }

    /** Client FQDN (RFC 4704): flags as a client or a server sends them, then a DNS-encoded name. */
    private static void fqdn(Tvb tvb, int v, int len, ProtoItem opt, int msgType, Columns cols) {
        int flags = tvb.u8(v);
        boolean n = (flags & 0x04) != 0;
        boolean s = (flags & 0x01) != 0;
        boolean o = (flags & 0x02) != 0;
        boolean server = msgType == 2 || msgType == 7;
        String meaning;
        if (server) {
            meaning = n && s ? "ERROR: SERVER SHALL NOT perform *any* DNS updates in which case         the 'S' bit MUST be 0"
                    : n ? "CLIENT SHALL update AAAA RRs; SERVER SHALL NOT perform any DNS updates"
                    : s ? "SERVER SHALL update both AAAA and PTR RRs"
                    : "CLIENT SHALL update AAAA RRs; SERVER SHALL update PTR RRs";
            if (o && !n) {
                meaning += "]\n[Server has overridden the client's S bit";
            }
        } else {
            meaning = n && s ? null : n ? "CLIENT prefers that the server not perform *any* DNS updates"
                    : s ? "CLIENT wants SERVER to update both its AAAA and PTR RRs"
                    : "CLIENT wants to update its AAAA RRs and SERVER to update its PTR RRs";
        }
        ProtoItem fl = opt.add(FQDN_FLAGS, tvb, v, 1);
        if (meaning != null) {
            fl.setText(String.format(Locale.ROOT, "Flags: 0x%02x  [%s]", flags, meaning));
        }
        fl.add(server ? FQDN_SERVER_N : FQDN_CLIENT_N, tvb, v, 1);
        if (server) {
            fl.add(FQDN_SERVER_O, tvb, v, 1);
        }
        fl.add(server ? FQDN_SERVER_S : FQDN_CLIENT_S, tvb, v, 1);
        int p = v + 1;
        int end = v + len;
        StringBuilder sb = new StringBuilder();
        while (p < end && tvb.u8(p) != 0) {
            int l = tvb.u8(p);
            sb.append(tvb.ascii(p + 1, l)).append('.');
            p += 1 + l;
        }
        if (n && s) {
            opt.addText(tvb, v, 1, S_BIT_ERROR.summary()).expert(S_BIT_ERROR);
        }
        if (v + 1 >= end) {
            return;
        }
        if (p >= end) {
            // no terminating zero: a partial name, shown without the final dot
            String partial = sb.substring(0, sb.length() - 1);
            ProtoItem name = opt.addString(CLIENT_DOMAIN, tvb, v + 1, end - v - 1, partial);
            name.setText("Partial domain name: " + partial);
            return;
        }
        int labels = sb.isEmpty() ? 0 : (int) sb.chars().filter(c -> c == '.').count();
        int size = p + 1 - (v + 1);
        if (labels == 0) {
            ProtoItem root = opt.addString(ROOT_ONLY, tvb, v + 1, size, "['.' (0)]");
            root.addText(tvb, v + 1, size, ROOT_ONLY_ERROR.summary()).expert(ROOT_ONLY_ERROR);
            cols.appendInfo(" [ROOT-ONLY DOMAIN NAME]");
        } else if (labels == 1) {
            ProtoItem tld = opt.addString(TLD, tvb, v + 1, size, sb.toString());
            tld.setText("Top Level Domain name (TLD): " + sb);
            tld.addText(tvb, v + 1, size, TLD_WARNING.summary()).expert(TLD_WARNING);
        } else {
            opt.addString(CLIENT_DOMAIN, tvb, v + 1, size, sb.toString());
        }
    }

    static String enterprise(long n) {
        return ENTERPRISES.nameOr(n, "Unknown") + " (" + n + ")";
    }
}
