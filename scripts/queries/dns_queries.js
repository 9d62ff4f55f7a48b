// DNS query log: every DNS query with its answer, over UDP and TCP.
//   dorsal run scripts/queries/dns_queries.js FILE...
// Columns (tab-separated): capture, frame, client, query id, name, type (number), response frame,
// rcode, answers (A, AAAA and CNAME values, comma-separated). A response names its query
// (dns.response_to); a query without one has empty response columns. Shows the lazy packet API:
// one pass over the DNS packets of each capture.
print(['capture', 'frame', 'client', 'id', 'name', 'type', 'response', 'rcode', 'answers'].join('\t'));
for (const c of captures) {
  const queries = [];
  const responses = new Map();
  for (const p of c.packets('dns')) {
    const proto = p.has('udp') ? 'udp' : 'tcp';
    if (p.get('dns.flags.response')) {
      const answers = [...p.all('dns.a'), ...p.all('dns.aaaa'), ...p.all('dns.cname')];
      const to = p.get('dns.response_to');
      if (to !== null && !responses.has(to)) {
        responses.set(to, {frame: p.number, rcode: p.get('dns.flags.rcode'), answers: answers.join(',')});
      }
    } else {
      const src = p.has('ipv6') ? '[' + p.get('ipv6.src') + ']' : p.get('ip.src');
      queries.push({frame: p.number, client: src + ':' + p.get(proto + '.srcport'), id: p.text('dns.id'),
                    name: p.get('dns.qry.name'), type: p.get('dns.qry.type')});
    }
  }
  for (const q of queries) {
    const r = responses.get(q.frame);
    print([c.name, q.frame, q.client, q.id, q.name ?? '', q.type ?? '', r ? r.frame : '',
           r ? r.rcode : '', r ? r.answers : ''].join('\t'));
  }
}
