// Top talkers: the IP addresses (v4 and v6) that sent and received the most bytes, over all captures.
//   dorsal run scripts/queries/top_talkers.js FILE... [-- N]
// A frame counts for its outermost network source and destination (frame.len bytes each).
// Columns (tab-separated): rank, address, frames, bytes, bytes sent, bytes received; N rows
// (10 by default), most bytes first, ties by address.
const limit = args.length > 0 ? Number(args[0]) : 10;
const talkers = new Map();
const count = (addr, bytes, sent) => {
  const t = talkers.get(addr) || {address: addr, frames: 0, bytes: 0, sent: 0, received: 0};
  t.frames++;
  t.bytes += bytes;
  if (sent) t.sent += bytes; else t.received += bytes;
  talkers.set(addr, t);
};
for (const c of captures) {
  for (const p of c.packets('ip || ipv6')) {
    const v4 = p.has('ip');
    const src = p.get(v4 ? 'ip.src' : 'ipv6.src');
    const dst = p.get(v4 ? 'ip.dst' : 'ipv6.dst');
    count(src, p.len, true);
    if (dst !== src) count(dst, p.len, false);
  }
}
const rows = [...talkers.values()].sort((a, b) => b.bytes - a.bytes || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
print(['rank', 'address', 'frames', 'bytes', 'sent', 'received'].join('\t'));
rows.slice(0, limit).forEach((t, i) => print([i + 1, t.address, t.frames, t.bytes, t.sent, t.received].join('\t')));
