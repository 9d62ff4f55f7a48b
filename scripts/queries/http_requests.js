// HTTP request log: every HTTP request with the status code of the response that answers it.
//   dorsal run scripts/queries/http_requests.js FILE...
// Columns (tab-separated): capture, frame, client, server, method, host, URI, status ("" when no
// response was seen). Zeek-style: callbacks collect, the "end" callback prints.
const requests = [];
const status = new Map();
on('http.request', r => requests.push(r));
on('http.response', r => {
  if (r.requestFrame !== null) status.set(r.capture + '/' + r.requestFrame, r.code);
});
on('end', () => {
  print(['capture', 'frame', 'client', 'server', 'method', 'host', 'uri', 'status'].join('\t'));
  for (const r of requests) {
    const code = status.get(r.capture + '/' + r.frame);
    print([captures[r.capture].name, r.frame, r.client, r.server, r.method, r.host ?? '', r.uri,
           code ?? ''].join('\t'));
  }
});
