// The query API scripts see (docs/shell.md, "JavaScript queries"). Evaluated once per context with the
// host bridge; returns the functions the host calls back (dispatch, show).
(function (api) {
  'use strict';
  const g = globalThis;

  const toArray = a => (a === null || a === undefined) ? [] : Array.from(a);

  class Packet {
    constructor(h) { this._h = h; }
    get number() { return this._h.number(); }
    get time() { return this._h.time(); }
    get relativeTime() { return this._h.relativeTime(); }
    get len() { return this._h.length(); }
    get src() { return this._h.src(); }
    get dst() { return this._h.dst(); }
    get protocol() { return this._h.protocol(); }
    get info() { return this._h.info(); }
    get summary() { return this._h.summary(); }
    get detail() { return this._h.detail(); }
    get tree() {
      if (this._tree === undefined) this._tree = JSON.parse(this._h.treeJson());
      return this._tree;
    }
    get(field) { return this._h.get(String(field)); }
    all(field) { return toArray(this._h.all(String(field))); }
    has(field) { return this._h.has(String(field)); }
    text(field) { return this._h.text(String(field)); }
    display(field) { return this._h.display(String(field)); }
    find(field) {
      const out = [];
      const walk = nodes => { for (const n of nodes) { if (n.name === field) out.push(n); walk(n.children); } };
      walk(this.tree);
      return out;
    }
    toJSON() { return {number: this.number, time: this.time, len: this.len}; }
    toString() { return this.summary; }
  }

  class Packets {
    constructor(index, filter) { this.index = index; this.filter = filter || ''; }
    *[Symbol.iterator]() {
      const cursor = api.packets(this.index, this.filter);
      for (let h = cursor.next(); h !== null; h = cursor.next()) yield new Packet(h);
    }
    count() { let n = 0; for (const _ of this) n++; return n; }
    first() { for (const p of this) return p; return undefined; }
    toArray(limit) {
      const out = [];
      for (const p of this) { if (limit !== undefined && out.length >= limit) break; out.push(p); }
      return out;
    }
    map(fn) { const out = []; for (const p of this) out.push(fn(p)); return out; }
    forEach(fn) { for (const p of this) fn(p); }
  }

  const DIRECTIONS = {client: 0, server: 1, both: -1, 0: 0, 1: 1, '-1': -1};

  class Capture {
    constructor(index) { this.index = index; }
    get name() { return api.captureName(this.index); }
    get path() { return api.capturePath(this.index); }
    get frames() { return api.captureFrames(this.index); }
    packets(filter) { return new Packets(this.index, filter); }
    streams(filter, proto) {
      const p = proto || 'tcp';
      const list = JSON.parse(api.streams(this.index, p, filter || ''));
      const capture = this;
      list.forEach((s, i) => {
        const later = list.slice(i + 1, i + 33).map(x => x.index).join(',');
        s.data = direction => {
          const d = direction === undefined ? -1 : DIRECTIONS[direction];
          if (d === undefined) throw new TypeError('stream.data: "client", "server" or "both"');
          return api.streamData(capture.index, p, s.index, d, later);
        };
      });
      return list;
    }
    conversations(kind, filter) { return JSON.parse(api.conversations(this.index, kind || 'tcp', filter || '')); }
    toString() { return this.name; }
    toJSON() { return {name: this.name, path: this.path}; }
  }

  Object.defineProperty(g, 'captures', {
    get() { const n = api.captureCount(); const out = []; for (let i = 0; i < n; i++) out.push(new Capture(i)); return out; },
    configurable: true,
  });
  Object.defineProperty(g, 'capture', {
    get() { return api.captureCount() > 0 ? new Capture(0) : undefined; },
    configurable: true,
  });
  g.args = toArray(api.args());

  const handlers = {};
  g.on = function (event, filter, fn) {
    if (typeof filter === 'function') { fn = filter; filter = ''; }
    if (typeof fn !== 'function') throw new TypeError('on(event, [filter,] callback)');
    api.on(String(event), filter ? String(filter) : '');
    (handlers[event] = handlers[event] || []).push({filter: filter || '', fn});
  };
  g.exit = code => api.exit(code === undefined ? 0 : Math.trunc(Number(code)));

  // ---- output helpers -----------------------------------------------------------------------------
  const cell = v => (v === null || v === undefined) ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
  const columnsOf = (rows, columns) => columns || (rows.length && !Array.isArray(rows[0]) ? Object.keys(rows[0]) : []);
  const values = (row, columns) => Array.isArray(row) ? row : columns.map(c => row[c]);

  g.table = function (rows, columns) {
    rows = Array.from(rows);
    const cols = columnsOf(rows, columns);
    const lines = [];
    if (cols.length) lines.push(cols.map(String));
    for (const r of rows) lines.push(values(r, cols).map(cell));
    const width = [];
    for (const l of lines) l.forEach((c, i) => { width[i] = Math.max(width[i] || 0, c.length); });
    for (const l of lines) print(l.map((c, i) => i === l.length - 1 ? c : c.padEnd(width[i])).join('  ').trimEnd());
  };
  g.jsonl = obj => print(JSON.stringify(obj));
  const csvCell = v => { const s = cell(v); return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  g.csvRow = values => print(Array.from(values).map(csvCell).join(','));
  g.csv = function (rows, columns) {
    rows = Array.from(rows);
    const cols = columnsOf(rows, columns);
    if (cols.length) g.csvRow(cols);
    for (const r of rows) g.csvRow(values(r, cols));
  };

  function dispatch(event, payload, packet) {
    const list = handlers[event] || [];
    const p = packet === null ? null : new Packet(packet);
    if (event === 'packet') { list[Number(payload)].fn(p); return; }
    const e = JSON.parse(payload);
    for (const h of list) h.fn(e, p);
  }

  function show(v) {
    if (v === undefined) return '';
    if (v === null) return 'null';
    if (typeof v === 'string') return v;
    if (typeof v !== 'object' && typeof v !== 'function') return String(v);
    if (typeof v === 'function') return '[function ' + (v.name || 'anonymous') + ']';
    if (v instanceof Packet || v instanceof Capture) return v.toString();
    if (v instanceof Packets) return '[packets of ' + api.captureName(v.index) + (v.filter ? ' matching ' + v.filter : '') + ']';
    try {
      return JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x.toString() : x, 2);
    } catch (e) {
      return String(v);
    }
  }

  return {dispatch, show};
})
