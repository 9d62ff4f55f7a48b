#!/usr/bin/env bash
# Writes tshark 4.0.17's outputs for -d (Decode As) runs to oracle/decode_as/, for DecodeAsOptionTest:
#   http_pyserver.pcap -d tcp.port==8080,data        HTTP's port handed to data instead
#   tls_on_nonstandard_port.pcap -d tcp.port==8443,http   TLS records shown as what HTTP makes of them
#   dns_udp.pcap -d udp.port==53:1,data             a start:count selector
# usage: make_decode_as_oracles.sh   (needs tshark 4.0.17: apt-get install tshark)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export TZ=UTC LC_ALL=C.UTF-8 WIRESHARK_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT
cd "$here/captures"
tshark -r http_pyserver.pcap -d tcp.port==8080,data > "$here/oracle/decode_as/http_pyserver.8080_data.txt" 2>/dev/null
tshark -r tls_on_nonstandard_port.pcap -d tcp.port==8443,http > "$here/oracle/decode_as/tls_on_nonstandard_port.8443_http.txt" 2>/dev/null
tshark -r dns_udp.pcap -d udp.port==53:1,data > "$here/oracle/decode_as/dns_udp.53_data.txt" 2>/dev/null
echo "wrote $(ls "$here/oracle/decode_as" | wc -l) files to $here/oracle/decode_as"
