#!/usr/bin/env bash
# Records ssh_loopback.pcap: real OpenSSH sessions over loopback, one per key exchange family and
# cipher kind tshark 4.0.17 treats differently, each failing authentication right after the key
# exchange (the client offers no key and no password), so every session has the version exchange,
# both KEXINITs, the key exchange messages, NEWKEYS and some encrypted packets:
#   1. OpenSSH's defaults: sntrup761x25519 (read by tshark as Diffie-Hellman), ssh-ed25519, ChaCha20-Poly1305
#   2. curve25519-sha256, ecdsa-sha2-nistp256 host key, aes128-ctr, hmac-sha2-256
#   3. ecdh-sha2-nistp256, rsa-sha2-512 host key, aes256-gcm@openssh.com
#   4. diffie-hellman-group14-sha256, aes128-cbc, hmac-sha2-512-etm@openssh.com
#   5. diffie-hellman-group-exchange-sha256, aes192-ctr, hmac-sha1
#   6. curve25519-sha256 over IPv6, 3des-cbc (a cipher tshark does not decrypt), umac-64-etm, zlib compression
# sshd runs on port 22 (tshark's SSH port) inside a private network namespace, so nothing else can
# reach it and no packet leaves that namespace's loopback; its host keys are made for the run and
# thrown away. The result is converted to pcap and its Ethernet addresses relabelled as the other
# captures here (make_oracle.sh). The sessions use fresh random keys, so the capture is kept, not
# regenerated; run make_oracle.sh and friends after recording a new one.
#
# usage: sudo record_ssh_loopback.sh     (needs unshare, openssh-server, openssh-client, tcpdump, editcap)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" != --inside ]; then
  exec unshare -n "$0" --inside
fi
work="$(mktemp -d)"
trap 'kill "$(cat "$work/sshd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
ip link set lo up
for t in ed25519 ecdsa rsa; do ssh-keygen -q -t "$t" -N '' -C throwaway -f "$work/host_$t"; done
mkdir -p /run/sshd
cat > "$work/sshd_config" <<CFG
Port 22
ListenAddress 127.0.0.1
ListenAddress ::1
HostKey $work/host_ed25519
HostKey $work/host_ecdsa
HostKey $work/host_rsa
PidFile $work/sshd.pid
UsePAM no
AuthorizedKeysFile none
PasswordAuthentication no
KbdInteractiveAuthentication no
Ciphers +aes128-cbc,3des-cbc
Compression yes
LogLevel ERROR
CFG
/usr/sbin/sshd -f "$work/sshd_config" -E "$work/sshd.log"
tcpdump -q -i lo -U -w "$work/raw.pcap" tcp port 22 2>/dev/null & dump=$!
sleep 1
session() {
  local host="$1"; shift
  ssh -F none -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
      -o PubkeyAuthentication=no -o LogLevel=ERROR "$@" "nobody@$host" true </dev/null 2>/dev/null || true
  sleep 0.3
}
session 127.0.0.1
session 127.0.0.1 -o KexAlgorithms=curve25519-sha256 -o HostKeyAlgorithms=ecdsa-sha2-nistp256 \
  -o Ciphers=aes128-ctr -o MACs=hmac-sha2-256
session 127.0.0.1 -o KexAlgorithms=ecdh-sha2-nistp256 -o HostKeyAlgorithms=rsa-sha2-512 \
  -o Ciphers=aes256-gcm@openssh.com
session 127.0.0.1 -o KexAlgorithms=diffie-hellman-group14-sha256 -o Ciphers=aes128-cbc \
  -o MACs=hmac-sha2-512-etm@openssh.com
session 127.0.0.1 -o KexAlgorithms=diffie-hellman-group-exchange-sha256 -o Ciphers=aes192-ctr -o MACs=hmac-sha1
session ::1 -6 -C -o KexAlgorithms=curve25519-sha256 -o Ciphers=3des-cbc -o MACs=umac-64-etm@openssh.com
sleep 1
kill "$dump"; wait "$dump" || true
editcap -F pcap "$work/raw.pcap" "$here/ssh_loopback.pcap"
python3 "$here/relabel_macs.py" "$here/ssh_loopback.pcap"
echo "wrote $here/ssh_loopback.pcap"
