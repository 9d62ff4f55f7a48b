// HTTPS walk-through: the handshake of every TLS session, frame by frame.
//   dorsal run scripts/queries/https_walkthrough.js FILE...
// For each capture and TLS session (tcp stream), a header line, then one line per frame carrying TLS
// records: frame number, direction (C->S: from the side that sent the stream's first TLS frame, the
// ClientHello), and what the frame carries: handshake messages by name, then Change Cipher Spec,
// Alert and Application Data records (xN when several). Encrypted handshake messages (TLS 1.3
// without keys) show as Application Data, as in Wireshark.
const HANDSHAKE = {0: 'HelloRequest', 1: 'ClientHello', 2: 'ServerHello', 4: 'NewSessionTicket', 5: 'EndOfEarlyData',
  8: 'EncryptedExtensions', 11: 'Certificate', 12: 'ServerKeyExchange', 13: 'CertificateRequest',
  14: 'ServerHelloDone', 15: 'CertificateVerify', 16: 'ClientKeyExchange', 20: 'Finished', 24: 'KeyUpdate'};
const RECORD = {20: 'ChangeCipherSpec', 21: 'Alert', 23: 'ApplicationData'};
for (const c of captures) {
  const sessions = new Map();
  for (const p of c.packets('tls')) {
    const stream = p.get('tcp.stream');
    const from = (p.has('ipv6') ? '[' + p.get('ipv6.src') + ']' : p.get('ip.src')) + ':' + p.get('tcp.srcport');
    const to = (p.has('ipv6') ? '[' + p.get('ipv6.dst') + ']' : p.get('ip.dst')) + ':' + p.get('tcp.dstport');
    let s = sessions.get(stream);
    if (!s) {
      s = {stream, client: from, server: to, sni: '', lines: []};
      sessions.set(stream, s);
    }
    if (p.has('tls.handshake.extensions_server_name') && !s.sni) s.sni = p.get('tls.handshake.extensions_server_name');
    const parts = p.all('tls.handshake.type').map(t => HANDSHAKE[t] ?? 'Handshake(' + t + ')');
    for (const t of [20, 21, 23]) {
      const n = p.all('tls.record.content_type').filter(x => x === t).length;
      if (n > 0) parts.push(n > 1 ? RECORD[t] + ' x' + n : RECORD[t]);
    }
    if (parts.length) s.lines.push('  ' + p.number + '\t' + (from === s.client ? 'C->S' : 'S->C') + '\t' + parts.join(', '));
  }
  for (const s of sessions.values()) {
    print(c.name + ' stream ' + s.stream + ': ' + s.client + ' -> ' + s.server + (s.sni ? ' (SNI ' + s.sni + ')' : ''));
    s.lines.forEach(l => print(l));
  }
}
