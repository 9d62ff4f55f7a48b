package dev.dorsal.dissectors.dhcpv6;

import dev.dorsal.engine.spi.ValueString;

/** DHCPv6 option codes with the names tshark 4.0.17 gives them (read from its -V output). */
final class Dhcpv6OptionNames {
    static final ValueString NAMES = ValueString.of(
            1, "Client Identifier", 2, "Server Identifier", 3, "Identity Association for Non-temporary Address",
            4, "Identity Association for Temporary Address", 5, "IA Address", 6, "Option Request", 7, "Preference",
            8, "Elapsed time", 9, "Relay Message", 11, "Authentication", 12, "Server unicast",
            13, "Status code", 14, "Rapid Commit", 15, "User Class", 16, "Vendor Class",
            17, "Vendor-specific Information", 18, "Interface-Id", 19, "Reconfigure Message",
            20, "Reconfigure Accept", 21, "SIP Server Domain Name List", 22, "SIP Servers IPv6 Address List",
            23, "DNS recursive name server", 24, "Domain Search List",
            25, "Identity Association for Prefix Delegation", 26, "IA Prefix", 27, "Network Information Server",
            28, "Network Information Server V2", 29, "Network Information Server Domain Name",
            30, "Network Information Server V2 Domain Name", 31, "Simple Network Time Protocol Server",
            32, "Lifetime", 33, "BCMCS Server Domain", 34, "BCMCS Servers IPv6 Address List",
            36, "Geoconf Civic Address", 37, "Remote Identifier", 38, "Subscriber Identifier",
            39, "Client Fully Qualified Domain Name", 40, "PANA Agents IPv6 Address List", 41, "Time Zone",
            42, "Time Zone Database", 43, "Echo Request Option", 44, "Leasequery Query",
            45, "Leasequery Client Data", 46, "Client Last Transaction Time", 47, "Leasequery Relay Data",
            48, "Leasequery Client Link Address List", 49, "Home Network Identifier FQDN",
            50, "Visited Home Network Information", 51, "LoST Server", 52, "CAPWAP Access Controllers",
            53, "Relay-ID", 54, "MoS IPv6 Address", 55, "MoS Domain Name List", 56, "NTP Server",
            57, "Access Network Domain Name", 58, "SIP User Agent Configuration Service Domains",
            59, "Boot File URL", 60, "Boot File Parameters", 61, "Client System Architecture Type",
            62, "Client Network Interface Identifier", 63, "Geolocation", 64, "Dual-Stack Lite AFTR Name",
            65, "ERP Local Domain Name", 66, "Relay-Supplied Options", 67, "Prefix Exclude",
            68, "Virtual Subnet Selection", 69, "Identified Home Network Information",
            70, "Unrestricted Home Network Information", 71, "Home Network Prefix", 72, "Home Agent Address",
            73, "Home Agent FQDN", 74, "RDNSS Selection", 75, "Kerberos Principal Name", 76, "Kerberos Realm Name",
            77, "Kerberos Default Realm Name", 78, "Kerberos KDC", 79, "Client Link-Layer Address",
            80, "Link Address", 81, "RADIUS", 82, "SOL_MAX_RT", 83, "INF_MAX_RT", 84, "Address Selection",
            85, "Address Selection table", 86, "PCP Server", 87, "DHCPv4 Message", 88, "DHCP 4o6 Servers Address",
            89, "S46 Rule", 90, "S46 BR", 91, "S46 DMR", 92, "S46 IPv4/IPv6 Address Binding",
            93, "S46 Port Parameters", 94, "S46 MAP-E Container", 95, "S46 MAP-T Container",
            96, "S46 Lightweight 4over6 Container", 97, "4rd Options", 98, "4rd Mapping Rule",
            99, "4rd Non-Mapping Rule", 100, "LQ Server Base Time", 101, "LQ Server Query Start Time",
            102, "LQ Server Query End Time", 103, "Captive Portal", 104, "MPL Parameter Configuration",
            105, "Access Technology Type", 106, "Access Network Name", 107, "Access Point Name",
            108, "Access Point BSSID", 109, "Access Network Operator ID", 110, "Access Network Operator Realm",
            111, "S46 Priority", 112, "Manufacturer Usage Description", 113, "IPv4/IPv6 Multicast Prefixes",
            114, "Failover Binding Status", 115, "Failover Connect Flags", 116, "Failover DNS Removal Info",
            117, "Failover DNS Hostname", 118, "Failover DNS Zone Name", 119, "Failover DNS Flags",
            120, "Failover Expiration Time", 121, "Failover Maximum Number Unacked BNDUPD Messages",
            122, "Failover Maximum Client Lead Time (MCLT)", 123, "Failover Partner Lifetime",
            124, "Failover Partner Lifetime Sent", 125, "Failover Partner Down Time",
            126, "Failover Partner Raw Client Time", 127, "Failover Protocol Version",
            128, "Failover Keepalive Time", 129, "Failover Reconfigure Data", 130, "Failover Relationship Name",
            131, "Failover Server Flags", 132, "Failover Server State", 133, "Failover Start Time of State",
            134, "Failover State Expiration Time", 135, "Relay Source Port", 136, "SZTP Redirect",
            137, "Softwire Source Binding Prefix Hint",
            143, "ANDSF IPv6 Address");

    private Dhcpv6OptionNames() {}
}
