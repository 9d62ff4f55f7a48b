#!/usr/bin/env bash
# Writes oracle/glossary/fields.tsv: the lines of tshark 4.0.17's "-G fields" glossary for the
# protocols Dorsal registers, without the description column (Dorsal does not carry tshark's
# descriptions), for GlossaryOptionTest.
# usage: make_glossary_oracle.sh   (needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export WIRESHARK_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
protocols="_ws.expert _ws.malformed _ws.string arp basicxid ber data dns eth frame http http2 icmp icmpv6 ieee8021ad
  ieee8021ah igmp image-gif image-jfif ip ipv6 llc lldp stp ipv6.dstopts ipv6.fraghdr ipv6.hopopts ipv6.routing json media
  mptcp null ocsp pkcs-1 pkix1explicit pkix1implicit png sll ssh tcp tls udp urlencoded-form vlan x509af
  x509ce x509if x509sat xml"
tshark -G fields 2>/dev/null | awk -F'\t' -v list="$protocols" '
  BEGIN { n = split(list, p, /[ \n]+/); for (i = 1; i <= n; i++) want[p[i]] = 1 }
  $1 == "F" && ($5 in want) { print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 }
  $1 == "P" && ($3 in want) { print }' > "$here/oracle/glossary/fields.tsv"
echo "wrote $(wc -l < "$here/oracle/glossary/fields.tsv") lines to $here/oracle/glossary/fields.tsv"
