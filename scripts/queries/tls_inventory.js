// TLS inventory: one line per TLS session of every capture, in order of the ClientHello.
//   dorsal run scripts/queries/tls_inventory.js FILE...
// Columns (tab-separated): capture, tcp stream, client, server, SNI, negotiated version, cipher suite,
// JA3, JA4, subject and notAfter of the server's first certificate ("" when the certificate is
// encrypted, as in TLS 1.3 without keys, or the session was resumed).
print(['capture', 'stream', 'client', 'server', 'sni', 'version', 'cipher', 'ja3', 'ja4', 'cert_subject', 'cert_not_after'].join('\t'));
on('tls.handshake', h => {
  print([captures[h.capture].name, h.stream, h.client, h.server, h.sni, h.version, h.cipherSuite,
         h.ja3, h.ja4, h.certSubject, h.certNotAfter].join('\t'));
});
