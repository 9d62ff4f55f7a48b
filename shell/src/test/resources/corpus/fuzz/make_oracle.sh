#!/usr/bin/env bash
# Writes tshark 4.0.17's outputs for the captures in this directory to ../oracle/fuzz/, in the layout
# of the corpus oracle (../oracle/README.md): FILE.summary.txt, FILE.verbose.txt, FILE.json and
# FILE.fields.tsv (with the field list below), with the key log STEM.keys and the options in STEM.args
# (one per line) when there are, so the shell's differential tests compare Dorsal with them.
#
# The captures are frames kept from differential sweeps on inputs that are not in the corpus
# (randpkt's random bytes behind real headers, corpus captures cut by a snap length, and new loopback
# recordings of curl, openssl, python servers and "tcpdump -i any": icmp_quoted_udp, sll*_lo_src,
# http_ctrl, http_snap128_bodies, mdns_query_response, ja4_json with its key log), each one where Dorsal and tshark once disagreed, plus hand-made ones: ip_option_lengths.pcap (IPv4 options
# whose lengths run short or past the header), icmp_quoted_dns_crafted.pcap (a DNS query quoted by
# a port unreachable), http_continuation_{text,binary}.pcap (data after a complete exchange),
# mdns_qu_cache_flush.pcap (the QU and cache-flush bits set), icmp_router_advertisements.pcap (entry sizes, codes,
# a short list), igmp_versions_crafted.pcap (IGMPv1/v2/v3 queries and reports, every v3 record type with
# 0-2 sources, a bad checksum, an unknown type), llmnr_query_response.pcap (LLMNR queries and responses with the C, T and TC bits),
# names_off_arp.pcap (ppp's ArpRequestPacket.pcap, vendor addresses kept, run with -n),
# http_headers_without_start.pcap (header lines whose message start was not captured:
# known, unknown and badly named headers), dns_extended_labels_crafted.pcap (extended and binary labels, first or after one) and
# udp_snap_at_payload.pcap (dns_udp.pcap cut by editcap -s 42), http_images_crafted.pcap (HTTP bodies for the GIF,
# JPEG/JFIF with Exif and PNG dissectors and ones they decline; written by make_http_images.py), http_xml_crafted.pcap
# (HTTP bodies for the XML dissector, also through data-text-lines; written by make_http_xml.py), ssdp_crafted.pcap
# (SSDP searches, answers and notifications over UDP 1900, IPv4 and IPv6; written by make_ssdp.py), ntp_crafted.pcap
# (every NTP mode, version, clock code, timestamp era, trailer and control/private header kind; written by
# make_ntp_crafted.py; its two-pass -V oracle was added by hand as make_twopass_oracles.sh would), dhcp_crafted.pcap
# (DHCP message types 0-19 and 200, BOOTP with and without the magic cookie, relay agent, option overload, decoded,
# unknown and wrong-length options, a missing End, a packet cut short; written by make_dhcp_crafted.py),
# dhcpv6_crafted.pcap (DHCPv6 message types, DUIDs, IAs with nested addresses and prefixes, client FQDN flags and
# names, relay messages, short and overlong options, a cut packet; written by make_dhcpv6_crafted.py), ssh_loopback.pcap
# (real OpenSSH sessions over loopback, one per key exchange family and cipher kind, recorded by
# record_ssh_loopback.sh), stp_crafted.pcap (written by make_stp_crafted.py: 802.3 frames with
# LLC control fields of every format, SNAP, configuration/TCN/RST/MST BPDUs with 0-3 MSTIs, PVST+,
# truncated BPDUs), lldp_crafted.pcap (written by make_lldp_crafted.py: LLDP TLVs of every basic kind
# and subtype, invalid, missing and duplicate mandatory TLVs, a frame cut by the snap length) and
# ssh_crafted.pcap (written by make_ssh_crafted.py: SSH messages split across segments
# and several per segment, DH group exchange, DSA/ECDSA/RSA and unknown host keys, records encrypted under tshark's
# all-zero keys, SSH-1, odd version lines, packets cut by the snap length, a bogus packet length),
# tunnels_crafted.pcap (written by make_tunnels_crafted.py: MPLS stacks of 1-3 labels over IPv4/IPv6, reserved
# labels, Ethernet pseudowires, GRE with every optional field, over IPv6, with Ethernet, PPP and unknown types
# inside, VXLAN with an inner TCP handshake and HTTP exchange, headers cut short), ftp_crafted.pcap (written by
# make_ftp_crafted.py: FTP sessions with PASV, EPSV, PORT and
# EPRT data connections, working-directory changes, malformed arguments and cut segments; its two-pass -V oracle was
# added by hand as make_twopass_oracles.sh would), telnet_crafted.pcap (written by make_telnet_crafted.py: Telnet
# negotiation of every option, every command, data lines, the suboptions Dorsal decodes and odd ones, commands cut
# at a segment end; its two-pass -V oracle added by hand too), smtp_crafted.pcap (written by make_smtp_crafted.py:
# SMTP sessions on ports 25 and 587 with multi-line and pipelined replies, AUTH LOGIN/PLAIN/NTLM, DATA and BDAT
# messages, lines split over segments, STARTTLS, segments cut by the snap length; two-pass -V oracle by hand),
# sip_crafted.pcap (written by make_sip_crafted.py: SIP requests of every common method and many status codes over UDP,
# compact headers, SDP and XML bodies, malformed, cut and non-SIP datagrams on 5060, SIP found by the heuristic,
# SIP over TCP split across segments and several per segment; two-pass -V oracle by hand), rtp_crafted.pcap (written by
# make_rtp_crafted.py: a SIP call whose SDP offer and answer set up RTP, RTP EVENT and RTCP streams),
# pop_crafted.pcap (written by make_pop_crafted.py: POP3 sessions with single- and multi-line replies, a RETR
# message over several segments, lines split across segments, STLS accepted and refused, segments cut by the snap
# length; two-pass summary and -V oracles by hand),
# pppoe_crafted.pcap (written by make_pppoe_crafted.py: PPPoE discovery codes and tags, tags cut short or past the
# payload length, PPPoE sessions with LCP packets of every code and option, wrong option lengths, PAP, CHAP, IPCP,
# IPv6CP and CCP), radius_crafted.pcap (written by make_radius_crafted.py: RADIUS codes, logins, accounting,
# duplicates, attributes of every kind at good and bad lengths, vendor attributes, EAP, malformed lengths; its
# two-pass -V oracle added by hand as make_twopass_oracles.sh would), syslog_crafted.pcap (written by
# make_syslog_crafted.py: Syslog facilities and levels, RFC 3164 and 5424 headers whole and cut short, odd PRI
# parts and bytes), tftp_crafted.pcap (written by make_tftp_crafted.py: TFTP requests, transfers on the server's
# new port, every opcode and error code, options, block wrap, requests tshark does not follow, cut packets), and
# nbns_crafted.pcap, nbds_crafted.pcap, cdp_crafted.pcap, vrrp_crafted.pcap and
# wol_crafted.pcap (written by make_lanbits_crafted.py: NetBIOS name service opcodes, record types, name
# encodings and short records; NetBIOS datagrams of every type; CDP with every TLV full, empty and one
# byte long; VRRPv2/v3 over IPv4 and IPv6 with auth types, bad checksums and cut packets; Wake-on-LAN
# over EtherType 0x0842 and UDP with passwords and near misses). They
# were converted to pcap (editcap -F pcap) and
# their Ethernet/ARP addresses relabelled by relabel_macs.py, so no name depends on the vendor tables
# of a Wireshark installation. randpkt takes no seed: the files are kept, not regenerated.
#
# http2_crafted.pcap is written by make_http2_crafted.py (locally administered MAC addresses, so no
# vendor name applies): cleartext HTTP/2 with prior knowledge on port 80, which tshark takes through
# HTTP's heuristics without options. It has every frame type and flag, padding and priority, HPACK
# indexed and literal fields with and without indexing or never indexed, Huffman and plain strings, a
# dynamic table size update, CONTINUATION with a field cut between fragments, PUSH_PROMISE, DATA
# bodies over several frames, gzip and media types, a frame split over three TCP segments, malformed
# frames, HPACK errors, the 200-header limit and a frame cut by the snapshot length.
#
# quic_crafted.pcap is written by make_quic_crafted.py: QUIC on UDP 443 with Initial packets protected under
# the keys RFC 9001 derives from the client's DCID (RFC 9001 Appendix A's packets among them), every frame
# type, CRYPTO data out of order and split in order, coalesced and padded datagrams, Handshake, 0-RTT and
# short-header packets without keys, version negotiation, Retry with good and bad tags, a version that
# forces negotiation, IPv6, and truncated, corrupt and snap-length-cut packets. quic_keylog.pcap and its key
# log quic_keylog.keys are written by make_quic_keylog.py: two handshakes (AES-128-GCM, ChaCha20) whose
# Handshake and 1-RTT packets are protected with the (made-up) traffic secrets of the key log.
# ipsec_crafted.pcap (written by make_ipsec_crafted.py: ESP and AH over IPv4 and IPv6, AH carrying ICMP,
# TCP, UDP, ESP, IPv4 and unknown protocols with ICVs of 0-32 bytes, headers cut short or too long, UDP 4500
# ESP and keepalives, ESP sequence numbers in and out of order; its two-pass oracles added by hand as
# make_twopass_oracles.sh would).
# wireguard_crafted.pcap (written by make_wireguard_crafted.py: WireGuard handshakes, cookie replies,
# transport data and keepalives over IPv4 and IPv6 on 51820 and other ports, answers and data to and from
# other addresses and ports, reserved bytes set, what the heuristic declines; its two-pass summary and -V
# oracles added by hand too) and wireguard_snap80.pcap (the same packets cut by a snap length of 80).
# bgp_crafted.pcap is written by make_bgp_crafted.py: BGP-4 on TCP 179, every message type, OPEN capabilities
# and parameters, UPDATE attributes with 2- and 4-octet AS paths, IPv6 MP_REACH/MP_UNREACH, a message split over
# two segments, a bad marker, and messages cut short or with wrong lengths.
# ospf_crafted.pcap is written by make_ospf_crafted.py: OSPFv2 over IPv4 and OSPFv3 over IPv6, every packet type,
# the v2 LSA bodies, null/simple/cryptographic/unknown authentication, bad checksums, and packets cut short.
# rip_crafted.pcap is written by make_rip_crafted.py: RIPv1/v2 on UDP 520 (requests, responses, authentication
# entries, unknown families, commands and versions, a cut entry) and RIPng on UDP 521.
# gtp_crafted.pcap is written by make_gtp_crafted.py: GTPv1-U T-PDUs (IPv4, IPv6, ICMP, TCP, DNS inside) with every
# extension header kind, short, empty, non-IP and malformed T-PDUs; GTPv1-C with its IEs, paired, repeated and
# unanswered requests; GTP release 97/98 and GTP'; GTPv2-C sessions with grouped IEs, piggybacking, priority,
# reserved, unknown and cut IEs, and GTPv2 over TCP (its two-pass oracles added by hand as make_twopass_oracles.sh
# would).
# chdlc_crafted.pcap, nflog_crafted.pcap and bjnp_crafted.pcap are written by make_linktypes_crafted.py: Cisco HDLC
# (LINKTYPE_C_HDLC) with every SLARP packet type, good and bad reliability, IPv4, IPv6, CDP, MPLS, bridged Ethernet
# and unknown protocols, headers and SLARP packets cut short; NFLOG (LINKTYPE_NFLOG) with every attribute type at
# right and wrong sizes (prefix, uid/gid, hardware header, timestamp, interface indexes), IPv4/IPv6 payloads and
# other families, attribute lists ending early or cut by the snap length; BJNP on UDP 8611-8614 with every packet
# type and code, unknown ones, payload lengths short and past the end, cut headers. Their two-pass oracles were
# added by hand as make_twopass_oracles.sh would, their psml/tabs/pdml/ek ones as make_format_oracles.sh would.
# imf_crafted.pcap is written by make_imf_crafted.py: Internet messages carried by SMTP (DATA and BDAT), POP and
# HTTP (message/rfc822): every header field tshark knows, address lists with display names, groups and empty items,
# folded and empty values, extension headers, content types and base64 bodies, bodies without fields, messages
# ending inside their fields, an empty last field (malformed); its two-pass -V oracles added by hand too.
# imap_crafted.pcap is written by make_imap_crafted.py: IMAP on TCP 143, requests and responses of every shape tshark
# splits, LOGIN, UID and folder commands (abbreviated too), lines split across and cut by segments, STARTTLS, FETCH
# literals handed to IMF over one to three segments and the FETCH lines tshark waits on for ever; its two-pass
# summary and -V oracles added by hand too.
# industrial_crafted.pcap is written by make_industrial_crafted.py: TPKT/COTP on TCP 102 (every TPDU type and
# parameter, several TPDUs and packets per segment, DT segments reassembled, bad lengths and types), S7comm (setup
# communication, read/write var items, ack errors, userdata Read SZL with the diagnostic buffer, diagnostic messages,
# clock functions), Modbus/TCP and Modbus/UDP on 502 (every public function code, exceptions, diagnostics, event log,
# file records, device identification) and DoIP on TCP and UDP 13400 (every payload type, diagnostic messages that
# tshark hands to UDS), with frames cut by the snap length; its two-pass -V oracle added by hand as
# make_twopass_oracles.sh would.
#
# lisp_crafted.pcap is written by make_lisp_crafted.py: LISP control messages on UDP 4342 (Map-Request with every
# flag, IPv4/IPv6/unset source EIDs, several ITR-RLOCs and records, an embedded Map-Reply record; Map-Reply with
# negative and multi-locator records; Map-Register with xTR-ID and Site-ID; Map-Notify; ECMs carrying IPv6;
# Info and an unknown type; messages cut short) and the LISP data header on UDP 4341 in each layout.
#
# usage: make_oracle.sh [FILE...]    (every capture here by default; needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../oracle/fuzz"
mkdir -p "$out"
export TZ=UTC LC_ALL=C WIRESHARK_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
fields=(frame.number frame.len frame.protocols eth.type ip.len ip.flags ip.frag_offset ip.proto ip.version
  ipv6.plen ipv6.nxt tcp.srcport tcp.dstport tcp.stream tcp.seq tcp.len tcp.hdr_len tcp.flags tcp.option_kind
  tcp.option_len udp.length udp.stream icmp.type icmp.code dns.flags.opcode dns.count.queries dns.count.answers
  dns.qry.name tls.record.content_type tls.record.version tls.handshake.type http.request.method
  http.response.code http.file_data tls.handshake.ja3 _ws.malformed _ws.expert _ws.col.Protocol _ws.col.Info)
cd "$here"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.pcap *.pcapng)
for f in "${files[@]}"; do
  [ -f "$f" ] || continue
  keys=(); [ -f "${f%.*}.keys" ] && keys=(-o "tls.keylog_file:${f%.*}.keys")
  [ -f "${f%.*}.args" ] && mapfile -t -O "${#keys[@]}" keys < "${f%.*}.args"
  tshark -r "$f" "${keys[@]}" > "$out/$f.summary.txt" 2>/dev/null
  tshark -r "$f" -V "${keys[@]}" > "$out/$f.verbose.txt" 2>/dev/null
  tshark -r "$f" -T json "${keys[@]}" > "$out/$f.json" 2>/dev/null
  args=(); for x in "${fields[@]}"; do args+=(-e "$x"); done
  tshark -r "$f" "${keys[@]}" -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, "${args[@]}" \
    > "$out/$f.fields.tsv" 2>/dev/null
done
echo "wrote $(ls "$out" | wc -l) files to $out"
