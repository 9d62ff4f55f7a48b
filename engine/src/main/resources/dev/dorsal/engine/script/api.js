// Dorsal's JavaScript dissector API, in the image of Wireshark's Lua API (wslua), built over the
// host façade. Evaluated once per script context before the script; it returns the entry points
// the Java host calls (entry, commit, newCapture, tap, draw, reset, setWanted).
//
// Performance rules (PLATFORM.md): bytes are read here from the packet's byte array, never through
// a call per byte; column text is batched and applied in one call; tree additions for fields no
// consumer wants are skipped here, using flags the host refreshes before each call.
(function (R, P) {
  'use strict';
  const G = globalThis;

  // ---- per-call state ---------------------------------------------------------------------------
  let W = new Int8Array(0);        // wanted flags by field number: a copy of the host's, made when they change
  let HW = null;                   // the host's flags (byte[]), refreshed by Java before each call
  let WG = 0;                      // generation of the copy
  let DETAILED = false;            // the tree keeps every node (-V, JSON)
  let CUR = null;                  // {pinfo, proto} of the innermost call
  const protos = [];
  const heuristics = [];
  const listeners = [];
  let conversations = [];
  let prefSnapshot = new Map();

  // Columns are batched: Protocol text, whether Info was reset (set/clear) and text appended since.
  let cPinfo = null, cProto = null, cReset = false, cText = '';
  function flushCols() {
    if (cPinfo !== null) {
      if (cProto !== null || cReset || cText !== '') {
        P.cols(cPinfo, cProto, cReset, cText);
      }
      cPinfo = null; cProto = null; cReset = false; cText = '';
    }
  }
  function colsFor(ph) {
    if (cPinfo !== ph) { flushCols(); cPinfo = ph; }
  }

  function typeError(where, msg) { return new TypeError(where + ': ' + msg); }

  // ---- constants --------------------------------------------------------------------------------
  const ftypes = {};
  const ftypeNames = R.ftypeNames();
  for (let i = 0; i < ftypeNames.length; i++) { ftypes[ftypeNames[i]] = i; }
  ftypes.IPV4 = ftypes.IPv4; ftypes.IPV6 = ftypes.IPv6;
  Object.freeze(ftypes);

  const base = Object.freeze({
    NONE: 0, DEC: 1, HEX: 2, OCT: 3, DEC_HEX: 4, HEX_DEC: 5, CUSTOM: 6, PT_TCP: 7, PT_UDP: 8,
    UNIT_STRING: 0x1000, RANGE_STRING: 0x2000,
    ASCII: 0, UNICODE: 0, DOT: 0, DASH: 0, COLON: 0, SPACE: 0, LOCAL: 0, UTC: 0, DOY_UTC: 0,
  });
  const expert = Object.freeze({
    group: Object.freeze({
      CHECKSUM: 0x01000000, SEQUENCE: 0x02000000, RESPONSE_CODE: 0x03000000, REQUEST_CODE: 0x04000000,
      UNDECODED: 0x05000000, REASSEMBLE: 0x06000000, MALFORMED: 0x07000000, DEBUG: 0x08000000,
      PROTOCOL: 0x09000000, SECURITY: 0x0a000000, COMMENTS_GROUP: 0x0b000000, DECRYPTION: 0x0c000000,
      ASSUMPTION: 0x0d000000, DEPRECATED: 0x0e000000,
    }),
    severity: Object.freeze({ COMMENT: 0x00100000, CHAT: 0x00200000, NOTE: 0x00400000, WARN: 0x00600000, ERROR: 0x00800000 }),
  });
  const frametype = Object.freeze({ NONE: 0, REQUEST: 1, RESPONSE: 2, ACK: 3, DUP_ACK: 4 });
  const ENC = {
    ENC_BIG_ENDIAN: 0, ENC_LITTLE_ENDIAN: 0x80000000, ENC_NA: 0, ENC_HOST_ENDIAN: 0x80000000,
    ENC_ASCII: 0, ENC_UTF_8: 2, ENC_UTF_16: 4, ENC_UCS_2: 6, ENC_ISO_8859_1: 10, ENC_STRING: 0x03000000,
    ENC_TIME_SECS_NSECS: 0, ENC_TIME_TIMESPEC: 0, ENC_TIME_NTP: 2, ENC_TIME_TOD: 4, ENC_TIME_SECS: 0x12,
    ENC_TIME_MSECS: 0x14,
  };
  const DESEGMENT_ONE_MORE_SEGMENT = 0x0fffffff;
  const DESEGMENT_UNTIL_FIN = 0x0ffffffe;

  // ---- values -----------------------------------------------------------------------------------
  const HEX = '0123456789abcdef';
  function hexOf(get, n, sep) {
    let s = '';
    for (let i = 0; i < n; i++) {
      const x = get(i);
      if (sep && i > 0) s += sep;
      s += HEX[(x >> 4) & 15] + HEX[x & 15];
    }
    return s;
  }

  /** A network or link address: type ("IPv4", "IPv6", "ETHER", "STRING", "NONE") and text. */
  class Address {
    constructor(type, text) { this.type = type; this.text = text; }
    static ip(text) { return new Address('IPv4', String(text)); }
    static ipv4(text) { return new Address('IPv4', String(text)); }
    static ipv6(text) { return new Address('IPv6', String(text)); }
    static ether(text) { return new Address('ETHER', String(text)); }
    toString() { return this.text; }
    equals(other) { return other instanceof Address && other.type === this.type && other.text === this.text; }
  }
  function addressOf(hostText) {
    const bar = hostText.indexOf('|');
    return new Address(hostText.substring(0, bar), hostText.substring(bar + 1));
  }
  function ipv4Number(v) {
    const parts = String(v).split('.');
    if (parts.length !== 4) throw typeError('IPv4 value', "'" + v + "' is not a dotted quad");
    return ((+parts[0]) * 16777216) + ((+parts[1]) << 16) + ((+parts[2]) << 8) + (+parts[3]);
  }
  function etherNumber(v) {
    const hex = String(v).replace(/[:\-.]/g, '');
    if (hex.length !== 12) throw typeError('Ethernet value', "'" + v + "' is not a MAC address");
    return parseInt(hex, 16);
  }
  function ipv6Text(get) {
    const w = [];
    for (let i = 0; i < 8; i++) w.push((get(2 * i) << 8) | get(2 * i + 1));
    let best = -1, bestLen = 0;
    for (let i = 0; i < 8;) {
      if (w[i] !== 0) { i++; continue; }
      let j = i; while (j < 8 && w[j] === 0) j++;
      if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
      i = j;
    }
    const hex = (x) => x.toString(16);
    if (best < 0) return w.map(hex).join(':');
    return w.slice(0, best).map(hex).join(':') + '::' + w.slice(best + bestLen).map(hex).join(':');
  }

  /** Seconds and nanoseconds, for absolute and relative time fields. */
  class NSTime {
    constructor(secs = 0, nsecs = 0) { this.secs = secs; this.nsecs = nsecs; }
    static new(secs, nsecs) { return new NSTime(secs, nsecs); }
    static fromNanos(ns) {
      const secs = Math.floor(ns / 1e9);
      return new NSTime(secs, Math.round(ns - secs * 1e9));
    }
    tonumber() { return this.secs + this.nsecs / 1e9; }
    toString() {
      const n = String(this.nsecs).padStart(9, '0');
      return this.secs + '.' + n;
    }
  }

  /** A byte sequence (wslua ByteArray) over a Uint8Array. */
  class ByteArray {
    constructor(init, sep) {
      if (init instanceof Uint8Array) { this._a = init; return; }
      if (init === undefined || init === null) { this._a = new Uint8Array(0); return; }
      let s = String(init);
      if (sep === true) {
        this._a = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) this._a[i] = s.charCodeAt(i) & 0xff;
        return;
      }
      s = s.replace(typeof sep === 'string' && sep.length ? new RegExp('\\' + sep.split('').join('\\'), 'g') : /[\s:.\-]/g, '');
      if (s.length % 2 !== 0 || /[^0-9a-fA-F]/.test(s)) throw typeError('ByteArray.new', "bad argument #1: '" + init + "' is not hex");
      this._a = new Uint8Array(s.length / 2);
      for (let i = 0; i < this._a.length; i++) this._a[i] = parseInt(s.substr(2 * i, 2), 16);
    }
    static new(init, sep) { return new ByteArray(init, sep); }
    len() { return this._a.length; }
    get_index(i) {
      if (i < 0 || i >= this._a.length) throw typeError('ByteArray.get_index', 'index ' + i + ' out of range');
      return this._a[i];
    }
    set_index(i, v) { this._a[i] = v & 0xff; }
    set_size(n) { const a = new Uint8Array(n); a.set(this._a.subarray(0, Math.min(n, this._a.length))); this._a = a; }
    subset(o, l) {
      if (o < 0 || l < 0 || o + l > this._a.length) throw typeError('ByteArray.subset', 'range out of bounds');
      return new ByteArray(this._a.slice(o, o + l));
    }
    append(other) { const a = new Uint8Array(this._a.length + other._a.length); a.set(this._a); a.set(other._a, this._a.length); this._a = a; return this; }
    prepend(other) { const a = new Uint8Array(this._a.length + other._a.length); a.set(other._a); a.set(this._a, other._a.length); this._a = a; return this; }
    concat(other) { return new ByteArray(this._a.slice()).append(other); }
    tohex(lowercase, sep) { const h = hexOf((i) => this._a[i], this._a.length, sep); return lowercase ? h : h.toUpperCase(); }
    raw(o = 0, l = -1) { const end = l < 0 ? this._a.length : o + l; let s = ''; for (let i = o; i < end; i++) s += String.fromCharCode(this._a[i]); return s; }
    /** A new data source over these bytes (shown by -x), as a Tvb for sub-dissectors. */
    tvb(name = 'Bytes') {
      if (CUR === null) throw typeError('ByteArray.tvb', 'only while a packet is being dissected');
      const h = P.dataSource(CUR.pinfo._h, String(name), this.tohex(true));
      return new Tvb(h, this._a, 0, this._a.length, this._a.length, null, 0);
    }
    toString() { return this.tohex(false); }
  }

  // ---- Tvb and TvbRange -------------------------------------------------------------------------
  /** Packet bytes: a view with captured and reported lengths (wslua Tvb). */
  class Tvb {
    constructor(h, b, s, c, r, parent, off) {
      this._h = h; this._b = b; this._s = s; this._c = c; this._r = r; this._p = parent; this._o = off;
    }
    len() { return this._c; }
    captured_len() { return this._c; }
    reported_len() { return this._r; }
    reported_length_remaining(o = 0) { return o > this._r ? -1 : this._r - o; }
    offset() { return this._o; }
    range(o = 0, l = -1) { return mkRange(this, o, l, 'Tvb.range'); }
    bytes(o = 0, l = -1) { return this.range(o, l).bytes(); }
    raw(o = 0, l = -1) { return this.range(o, l).raw(); }
    toString() { return 'TVB(' + this._c + ') : ' + hexOf((i) => this._b[this._s + i] & 0xff, Math.min(this._c, 24)); }
  }
  function hostTvb(t) {
    if (t._h === null) t._h = P.slice(hostTvb(t._p), t._o, t._r);
    return t._h;
  }
  function bounds(t, o, l, what) {
    const end = o + l;
    P.bounds(o >= 0 && end <= t._r, what + ': ' + o + '+' + l + ' beyond the ' + (end <= t._r ? 'captured length ' + t._c : 'length ' + t._r));
  }
  function mkRange(t, o, l, what) {
    if (typeof o !== 'number' || typeof l !== 'number') throw typeError(what, 'offset and length must be numbers');
    if (o < 0) o = t._c + o;
    if (l === -1) {
      if (o > t._c || o < 0) bounds(t, o, 0, what);
      l = t._c - o;
    } else if (l < -1 || o < 0 || o + l > t._r) {
      P.bounds(false, what + ': ' + o + '+' + l + ' beyond the length ' + t._r);
    }
    return new TvbRange(t, o, l);
  }

  /** A range of a Tvb (wslua TvbRange): decoders for the bytes it covers. */
  class TvbRange {
    constructor(t, o, l) { this._t = t; this._o = o; this._l = l; }
    len() { return this._l; }
    offset() { return this._o; }
    tvb() {
      const t = this._t;
      return new Tvb(null, t._b, t._s + this._o, Math.max(0, Math.min(this._l, t._c - this._o)), this._l, t, this._o);
    }
    range(o = 0, l = -1) {
      if (o < 0 || o > this._l) P.bounds(false, 'TvbRange.range: offset ' + o + ' beyond the range length ' + this._l);
      if (l === -1) l = this._l - o;
      if (l < 0 || o + l > this._l) P.bounds(false, 'TvbRange.range: ' + o + '+' + l + ' beyond the range length ' + this._l);
      return new TvbRange(this._t, this._o + o, l);
    }
    _need(what, min, max) {
      const l = this._l;
      if (l < min || l > max) throw typeError('TvbRange.' + what, 'the range must be ' + min + (min === max ? '' : '..' + max) + ' bytes long, not ' + l);
      const t = this._t;
      if (this._o + l > t._c) bounds(t, this._o, l, 'TvbRange.' + what);
    }
    _byte(i) { const t = this._t; return t._b[t._s + this._o + i] & 0xff; }
    uint() {
      this._need('uint', 1, 4);
      const t = this._t, b = t._b, i = t._s + this._o;
      switch (this._l) {
        case 1: return b[i] & 0xff;
        case 2: return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        case 3: return ((b[i] & 0xff) << 16) | ((b[i + 1] & 0xff) << 8) | (b[i + 2] & 0xff);
        default: return (b[i] & 0xff) * 16777216 + (((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff));
      }
    }
    le_uint() {
      this._need('le_uint', 1, 4);
      let v = 0;
      for (let k = this._l - 1; k >= 0; k--) v = v * 256 + this._byte(k);
      return v;
    }
    int() { const v = this.uint(), bits = this._l * 8; return bits === 32 ? v | 0 : (v << (32 - bits)) >> (32 - bits); }
    le_int() { const v = this.le_uint(), bits = this._l * 8; return bits === 32 ? v | 0 : (v << (32 - bits)) >> (32 - bits); }
    uint64() {
      this._need('uint64', 1, 8);
      let v = 0n;
      for (let k = 0; k < this._l; k++) v = (v << 8n) | BigInt(this._byte(k));
      return v;
    }
    le_uint64() {
      this._need('le_uint64', 1, 8);
      let v = 0n;
      for (let k = this._l - 1; k >= 0; k--) v = (v << 8n) | BigInt(this._byte(k));
      return v;
    }
    int64() { return BigInt.asIntN(this._l * 8, this.uint64()); }
    le_int64() { return BigInt.asIntN(this._l * 8, this.le_uint64()); }
    _float(le) {
      const l = this._l;
      if (l !== 4 && l !== 8) throw typeError('TvbRange.float', 'the range must be 4 or 8 bytes long, not ' + l);
      this._need('float', l, l);
      const dv = new DataView(new ArrayBuffer(l));
      for (let k = 0; k < l; k++) dv.setUint8(k, this._byte(k));
      return l === 4 ? dv.getFloat32(0, le) : dv.getFloat64(0, le);
    }
    float() { return this._float(false); }
    le_float() { return this._float(true); }
    ipv4() { this._need('ipv4', 4, 4); return new Address('IPv4', this._byte(0) + '.' + this._byte(1) + '.' + this._byte(2) + '.' + this._byte(3)); }
    le_ipv4() { this._need('le_ipv4', 4, 4); return new Address('IPv4', this._byte(3) + '.' + this._byte(2) + '.' + this._byte(1) + '.' + this._byte(0)); }
    ipv6() { this._need('ipv6', 16, 16); return new Address('IPv6', ipv6Text((i) => this._byte(i))); }
    ether() { this._need('ether', 6, 6); return new Address('ETHER', hexOf((i) => this._byte(i), 6, ':')); }
    _text(what, n, enc) {
      const t = this._t;
      if (this._o + n > t._c) bounds(t, this._o, n, 'TvbRange.' + what);
      const utf8 = (enc & 0xfe) === ENC.ENC_UTF_8;
      if (n > 16 && !(t._b instanceof Uint8Array)) {
        // Long text: one host call beats a property read per byte (and builds no intermediate strings).
        return utf8 ? P.utf8(t._b, t._s + this._o, n) : P.latin1(t._b, t._s + this._o, n);
      }
      let s = '';
      for (let k = 0; k < n; k++) s += String.fromCharCode(this._byte(k));
      if (utf8) {
        try { s = decodeURIComponent(escape(s)); } catch (e) { s = s.replace(/[\x80-\xff]/g, '\ufffd'); }
      }
      return s;
    }
    /** The bytes as text, up to the first NUL (as a string field shows it). */
    string(enc = 0) {
      const s = this._text('string', this._l, enc);
      const z = s.indexOf('\0');
      return z >= 0 ? s.substring(0, z) : s;
    }
    stringz(enc = 0) { return this.string(enc); }
    strsize() {
      const t = this._t;
      for (let k = 0; k < this._l; k++) {
        if (this._o + k >= t._c) bounds(t, this._o, k + 1, 'TvbRange.strsize');
        if (this._byte(k) === 0) return k + 1;
      }
      return this._l;
    }
    ustring() { return this._utf16(false); }
    le_ustring() { return this._utf16(true); }
    _utf16(le) {
      this._need('ustring', 0, this._l);
      let s = '';
      for (let k = 0; k + 1 < this._l; k += 2) {
        const c = le ? this._byte(k) | (this._byte(k + 1) << 8) : (this._byte(k) << 8) | this._byte(k + 1);
        if (c === 0) break;
        s += String.fromCharCode(c);
      }
      return s;
    }
    bytes() {
      this._need('bytes', 0, this._l);
      const a = new Uint8Array(this._l);
      for (let k = 0; k < this._l; k++) a[k] = this._byte(k);
      return new ByteArray(a);
    }
    raw(o = 0, l = -1) { const r = this.range(o, l); return r._text('raw', r._l, 0); }
    /** {@code len} bits starting {@code pos} bits into the range, most significant first. */
    bitfield(pos = 0, len = 1) {
      if (len < 1 || len > 53 || pos < 0 || pos + len > this._l * 8) throw typeError('TvbRange.bitfield', 'bits ' + pos + '+' + len + ' outside the range');
      this._need('bitfield', 0, this._l);
      let v = 0;
      for (let k = pos; k < pos + len; k++) v = v * 2 + ((this._byte(k >> 3) >> (7 - (k & 7))) & 1);
      return v;
    }
    nstime(enc = 0) { return this._nstime(enc, false); }
    le_nstime() { return this._nstime(0, true); }
    _nstime(enc, le) {
      if (enc === ENC.ENC_TIME_NTP) {
        this._need('nstime', 8, 8);
        const secs = this.range(0, 4).uint(), frac = this.range(4, 4).uint();
        if (secs === 0 && frac === 0) return new NSTime(0, 0);
        return new NSTime(secs - 2208988800, Math.floor(frac * 1e9 / 4294967296));
      }
      if (this._l === 4) return new NSTime(le ? this.le_uint() : this.uint(), 0);
      this._need('nstime', 8, 8);
      const a = this.range(0, 4), b = this.range(4, 4);
      return le ? new NSTime(a.le_uint(), b.le_uint()) : new NSTime(a.uint(), b.uint());
    }
    toString() {
      if (this._l === 0) return '<EMPTY>';
      const n = Math.min(this._l, Math.max(0, this._t._c - this._o));
      return hexOf((i) => this._byte(i), Math.min(n, 24)) + (n > 24 ? '...' : '');
    }
  }

  // ---- fields, experts, prefs, protos -----------------------------------------------------------
  /** A field declaration (wslua ProtoField); registered when the script's protos commit. */
  class ProtoField {
    constructor(ctor, abbr, name, type, baseCode, vals, mask, desc, tfs, bitWidth) {
      if (typeof abbr !== 'string' || abbr === '') throw typeError(ctor, 'bad argument #1 (abbr): expected a non-empty string');
      if (name !== undefined && name !== null && typeof name !== 'string') throw typeError(ctor, 'bad argument #2 (name): expected a string');
      this.abbr = abbr;
      this.name = name || abbr;
      this.type = type;
      this.base = baseCode || 0;
      this._vals = vals === undefined ? null : vals;
      this._mask = mask || 0;
      this._desc = desc || '';
      this._tfs = tfs || null;
      this._bw = bitWidth || 0;
      this._ctor = ctor;
      this._g = -1;
      this._k = kindOf(type);
    }
    toString() { return 'ProtoField(' + this.abbr + ')'; }
  }
  function kindOf(type) {
    const n = ftypeNames[type];
    if (n === 'BOOLEAN') return 'b';
    if (n === 'FLOAT' || n === 'DOUBLE') return 'd';
    if (n === 'STRING' || n === 'STRINGZ' || n === 'UINT_STRING') return 's';
    if (n === 'IPv4') return '4';
    if (n === 'ETHER') return 'e';
    if (n === 'ABSOLUTE_TIME' || n === 'RELATIVE_TIME') return 't';
    if (n === 'NONE' || n === 'PROTOCOL') return 'z';
    if (/INT|CHAR|FRAMENUM/.test(n) && n !== 'UINT_BYTES') return 'n';
    return 'y';
  }
  function intField(type) {
    return function (abbr, name, b, vals, mask, desc) {
      return new ProtoField('ProtoField.' + type.toLowerCase(), abbr, name, ftypes[type], b === undefined || b === null ? base.DEC : b, vals, mask, desc);
    };
  }
  function plainField(type, ctor) {
    return function (abbr, name, desc) { return new ProtoField('ProtoField.' + ctor, abbr, name, ftypes[type], 0, null, 0, desc); };
  }
  const ProtoFieldNs = {
    new(name, abbr, type, vals, b, mask, desc) {
      const t = typeof type === 'string' ? ftypes[type.toUpperCase().replace(/^FT_/, '')] : type;
      if (t === undefined || ftypeNames[t] === undefined) throw typeError('ProtoField.new', 'bad argument #3 (type): unknown ftype ' + type);
      const integer = /INT|CHAR/.test(ftypeNames[t]) && ftypeNames[t] !== 'UINT_BYTES' && ftypeNames[t] !== 'UINT_STRING';
      return new ProtoField('ProtoField.new', abbr, name, t, (b === undefined || b === null) && integer ? base.DEC : b, vals, mask, desc);
    },
    uint8: intField('UINT8'), uint16: intField('UINT16'), uint24: intField('UINT24'), uint32: intField('UINT32'),
    uint64: intField('UINT64'), int8: intField('INT8'), int16: intField('INT16'), int24: intField('INT24'),
    int32: intField('INT32'), int64: intField('INT64'),
    char(abbr, name, b, vals, mask, desc) { return new ProtoField('ProtoField.char', abbr, name, ftypes.CHAR, b || base.HEX, vals, mask, desc); },
    framenum(abbr, name, b, ft, mask, desc) { return new ProtoField('ProtoField.framenum', abbr, name, ftypes.FRAMENUM, 0, null, mask, desc); },
    bool(abbr, name, display, tfs, mask, desc) {
      let t = null;
      if (tfs !== undefined && tfs !== null) {
        t = Array.isArray(tfs) ? tfs : [tfs.true, tfs.false];
      }
      return new ProtoField('ProtoField.bool', abbr, name, ftypes.BOOLEAN, 0, null, mask, desc, t, display || 0);
    },
    string(abbr, name, display, desc) { return new ProtoField('ProtoField.string', abbr, name, ftypes.STRING, 0, null, 0, desc); },
    stringz(abbr, name, display, desc) { return new ProtoField('ProtoField.stringz', abbr, name, ftypes.STRINGZ, 0, null, 0, desc); },
    bytes(abbr, name, display, desc) { return new ProtoField('ProtoField.bytes', abbr, name, ftypes.BYTES, 0, null, 0, desc); },
    ubytes(abbr, name, display, desc) { return new ProtoField('ProtoField.ubytes', abbr, name, ftypes.UINT_BYTES, 0, null, 0, desc); },
    float(abbr, name, vals, desc) { return new ProtoField('ProtoField.float', abbr, name, ftypes.FLOAT, 0, null, 0, desc); },
    double(abbr, name, vals, desc) { return new ProtoField('ProtoField.double', abbr, name, ftypes.DOUBLE, 0, null, 0, desc); },
    absolute_time(abbr, name, b, desc) { return new ProtoField('ProtoField.absolute_time', abbr, name, ftypes.ABSOLUTE_TIME, 0, null, 0, desc); },
    relative_time(abbr, name, desc) { return new ProtoField('ProtoField.relative_time', abbr, name, ftypes.RELATIVE_TIME, 0, null, 0, desc); },
    ipv4: plainField('IPv4', 'ipv4'), ipv6: plainField('IPv6', 'ipv6'), ether: plainField('ETHER', 'ether'),
    none: plainField('NONE', 'none'), guid: plainField('GUID', 'guid'), eui64: plainField('EUI64', 'eui64'),
    oid: plainField('OID', 'oid'), protocol: plainField('PROTOCOL', 'protocol'),
  };

  function registerField(p, f) {
    const vals = f._vals;
    let hostVals = null;
    if (vals !== null && typeof vals === 'object') {
      hostVals = vals instanceof Map ? Array.from(vals.entries()) : vals;
    }
    f._g = R.field(p._i, f._ctor, f.abbr, f.name, f.type, f.base, f._mask, f._bw, hostVals,
      f._tfs ? String(f._tfs[0]) : null, f._tfs ? String(f._tfs[1]) : null, f._desc);
  }

  /** An expert info kind (wslua ProtoExpert). */
  function ProtoExpert(abbr, text, group, severity) {
    if (!new.target) return new ProtoExpert(abbr, text, group, severity);
    if (typeof abbr !== 'string' || abbr === '') throw typeError('ProtoExpert.new', 'bad argument #1 (abbr): expected a non-empty string');
    if (typeof text !== 'string') throw typeError('ProtoExpert.new', 'bad argument #2 (text): expected a string');
    this.abbr = abbr; this.text = text; this.group = group; this.severity = severity; this._g = -1;
  }
  ProtoExpert.new = (a, t, g, s) => new ProtoExpert(a, t, g, s);
  ProtoExpert.prototype.toString = function () { return 'ProtoExpert(' + this.abbr + ')'; };

  /** A preference declaration; assign it to proto.prefs.NAME. */
  function Pref(kind, label, def, descr, extra) {
    this.kind = kind; this.label = label; this.default = def; this.descr = descr || ''; this.extra = extra;
  }
  const PrefNs = {
    bool: (label, def, descr) => new Pref('bool', label, !!def, descr),
    uint: (label, def, descr) => new Pref('uint', label, def >>> 0, descr),
    string: (label, def, descr) => new Pref('string', label, String(def ?? ''), descr),
    range: (label, def, descr, max) => new Pref('range', label, String(def ?? ''), descr, max),
    enum: (label, def, descr, values, radio) => new Pref('enum', label, def, descr, values || []),
    statictext: (label, descr) => new Pref('statictext', label, '', descr),
  };
  function prefDefault(p) {
    switch (p.kind) {
      case 'bool': return p.default ? 'TRUE' : 'FALSE';
      case 'enum': {
        for (const e of p.extra) if (e[3] === p.default) return String(e[1]);
        return String(p.default);
      }
      default: return String(p.default);
    }
  }
  function prefParse(p, text) {
    switch (p.kind) {
      case 'bool': { const t = text.trim().toLowerCase(); return t === 'true' || t === '1'; }
      case 'uint': { const t = text.trim(); const v = /^0x/i.test(t) ? parseInt(t, 16) : parseInt(t, 10); return isNaN(v) ? p.default : v; }
      case 'enum': {
        const t = text.trim().toLowerCase();
        for (const e of p.extra) if (String(e[1]).toLowerCase() === t || String(e[2]).toLowerCase() === t) return e[3];
        const n = Number(t); return isNaN(n) ? p.default : n;
      }
      default: return text;
    }
  }
  function makePrefs(proto) {
    const defs = new Map();
    return new Proxy({}, {
      set(target, name, pref) {
        if (!(pref instanceof Pref)) throw typeError('Proto.prefs', "'" + String(name) + "' must be assigned a Pref.bool/uint/string/range/enum");
        const h = pref.kind === 'statictext' ? null : R.preference(proto._i, String(name), String(pref.label), prefDefault(pref));
        defs.set(String(name), { pref, h });
        return true;
      },
      get(target, name) {
        const d = defs.get(String(name));
        return d === undefined || d.h === null ? undefined : prefParse(d.pref, R.prefValue(d.h));
      },
      has(target, name) { return defs.has(String(name)); },
      ownKeys() { return Array.from(defs.keys()); },
      getOwnPropertyDescriptor(target, name) {
        return defs.has(String(name)) ? { enumerable: true, configurable: true, value: this.get(target, name) } : undefined;
      },
      deleteProperty() { throw typeError('Proto.prefs', 'preferences cannot be removed'); },
    });
  }
  function prefText(proto) {
    const out = [];
    for (const k of Object.keys(proto._prefs)) out.push(k + '=' + proto._prefs[k]);
    return out.join('\n');
  }

  /** A protocol (wslua Proto): new Proto(name, description[, {reuse: true}]). */
  function Proto(name, desc, options) {
    if (!new.target) return new Proto(name, desc, options);
    if (typeof name !== 'string') throw typeError('Proto.new', 'bad argument #1 (name): expected a string');
    if (typeof desc !== 'string') throw typeError('Proto.new', 'bad argument #2 (desc): expected a string');
    this._i = R.proto(name, desc, !!(options && options.reuse));
    this._name = name;
    this._desc = desc;
    this._fields = {};
    this._experts = [];
    this._dissector = null;
    this._init = null;
    this._prefsChanged = null;
    this._prefs = makePrefs(this);
    protos[this._i] = this;
  }
  Proto.new = (n, d, o) => new Proto(n, d, o);
  Object.defineProperties(Proto.prototype, {
    name: { get() { return this._name; } },
    description: { get() { return this._desc; } },
    fields: {
      get() { return this._fields; },
      set(v) {
        if (v === null || typeof v !== 'object') throw typeError('Proto.fields', 'expected an array or object of ProtoFields');
        this._fields = v;
      },
    },
    experts: {
      get() { return this._experts; },
      set(v) {
        const list = Array.isArray(v) ? v : Object.values(v || {});
        for (const e of list) if (!(e instanceof ProtoExpert)) throw typeError('Proto.experts', 'every element must be a ProtoExpert');
        this._experts = list;
      },
    },
    dissector: {
      get() { return this._dissector; },
      set(fn) {
        if (typeof fn !== 'function') throw typeError('Proto.dissector', 'expected a function (tvb, pinfo, tree)');
        this._dissector = fn;
      },
    },
    init: {
      get() { return this._init; },
      set(fn) { if (typeof fn !== 'function') throw typeError('Proto.init', 'expected a function'); this._init = fn; },
    },
    prefs_changed: {
      get() { return this._prefsChanged; },
      set(fn) { if (typeof fn !== 'function') throw typeError('Proto.prefs_changed', 'expected a function'); this._prefsChanged = fn; },
    },
    prefs: { get() { return this._prefs; } },
  });
  Proto.prototype.register_heuristic = function (list, fn) {
    if (typeof fn !== 'function') throw typeError('Proto.register_heuristic', 'bad argument #2 (func): expected a function');
    heuristics.push([this, fn]);
    R.heuristic(this._i, String(list), heuristics.length - 1);
  };
  Proto.prototype.registerHeuristic = Proto.prototype.register_heuristic;
  Proto.prototype.toString = function () { return 'Proto: ' + this._name; };

  function commit() {
    for (const p of protos) {
      if (!p) continue;
      const fs = p._fields;
      const list = Array.isArray(fs) ? fs : Object.values(fs);
      for (const f of list) {
        if (!(f instanceof ProtoField)) throw typeError(p._name + '.fields', 'every element must be a ProtoField, not ' + f);
        if (f._g < 0) registerField(p, f);
      }
      R.commitFields(p._i);
      for (const e of p._experts) {
        if (e._g < 0) e._g = R.expert(p._i, e.abbr, e.text, e.group, e.severity);
      }
      prefSnapshot.set(p, prefText(p));
    }
    R.resolveExtractors();
  }

  // ---- tree -------------------------------------------------------------------------------------
  /** A node of the packet tree (wslua TreeItem); add() returns the child, for chaining. */
  class TreeItem {
    constructor(h, skipped) { this._h = h; this._x = skipped; this._sk = null; }
    // Up to four label pieces, without a rest parameter: add() is the hottest call of most dissectors.
    add(a, b, c, l1, l2, l3, l4) { return addItem(this, false, a, b, c, l1 === undefined ? NO_LABELS : labelsOf(l1, l2, l3, l4)); }
    add_le(a, b, c, l1, l2, l3, l4) { return addItem(this, true, a, b, c, l1 === undefined ? NO_LABELS : labelsOf(l1, l2, l3, l4)); }
    add_packet_field(f, range, enc = 0, ...labels) { return addPacketField(this, f, range, enc, labels); }
    set_text(text) { if (DETAILED && !this._x) P.setText(this._h, String(text)); return this; }
    append_text(text) { if (DETAILED && !this._x) P.appendText(this._h, String(text)); return this; }
    prepend_text(text) { if (DETAILED && !this._x) P.prependText(this._h, String(text)); return this; }
    set_generated(on = true) { if (on && !this._x) P.setGenerated(this._h); return this; }
    set_hidden(on = true) { if (on && !this._x) P.setHidden(this._h); return this; }
    set_len(n) { if (!this._x) P.setLen(this._h, n); return this; }
    add_proto_expert_info(e, text) {
      if (!(e instanceof ProtoExpert)) throw typeError('TreeItem.add_proto_expert_info', 'bad argument #1: expected a ProtoExpert');
      if (e._g < 0) throw typeError('TreeItem.add_proto_expert_info', "expert '" + e.abbr + "' is not registered: list it in the proto's experts");
      P.expert(this._h, e._g, text === undefined || text === null ? null : String(text));
      return this;
    }
    add_tvb_expert_info(e, range, text) { return this.add_proto_expert_info(e, text); }
    add_expert_info() { throw typeError('TreeItem.add_expert_info', 'declare a ProtoExpert and use add_proto_expert_info'); }
    /** True when a consumer will see this field (-V, -T fields -e, a filter): skip costly work otherwise. */
    referenced(f) { return DETAILED || (f instanceof ProtoField && f._g >= 0 && W[f._g] !== 0); }
    get text() { return this._x ? '' : P.itemText(this._h); }
    get len() { return this._x ? 0 : P.itemLen(this._h); }
    get visible() { return DETAILED; }
    get generated() { return false; }
  }
  const TI = TreeItem.prototype;
  TI.addLe = TI.add_le; TI.addPacketField = TI.add_packet_field; TI.setText = TI.set_text; TI.appendText = TI.append_text;
  TI.prependText = TI.prepend_text; TI.setGenerated = TI.set_generated; TI.setHidden = TI.set_hidden; TI.setLen = TI.set_len;
  TI.addProtoExpertInfo = TI.add_proto_expert_info; TI.addTvbExpertInfo = TI.add_tvb_expert_info;

  const NO_LABELS = Object.freeze([]);
  function labelsOf(l1, l2, l3, l4) {
    const out = [l1];
    if (l2 !== undefined) out.push(l2);
    if (l3 !== undefined) out.push(l3);
    if (l4 !== undefined) out.push(l4);
    return out;
  }

  function skipped(item) {
    if (item._sk === null) item._sk = new TreeItem(item._h, true);
    return item._sk;
  }
  function child(item, h, labels) {
    if (h === item._h) return skipped(item);
    if (labels.length > 0 && DETAILED) P.setText(h, labels.join(''));
    return new TreeItem(h, false);
  }

  function addItem(item, le, f, r, v, labels) {
    if (f instanceof ProtoField) {
      const g = f._g;
      if (g < 0) throw typeError('TreeItem.add', "field '" + f.abbr + "' is not registered: list it in the proto's fields");
      if (r !== undefined && r !== null && !(r instanceof TvbRange)) {
        if (v !== undefined) labels = [v, ...labels];
        v = r; r = null;
      }
      if (!DETAILED && W[g] === 0) {
        if (r !== null && r !== undefined && v === undefined && r._o + r._l > r._t._c) bounds(r._t, r._o, r._l, 'TreeItem.add');
        return skipped(item);
      }
      const t = r ? hostTvb(r._t) : null, o = r ? r._o : 0, l = r ? r._l : 0;
      const h = v === undefined ? P.addField(item._h, g, t, o, l, le) : addValue(item._h, f, g, t, o, l, v);
      return child(item, h, labels);
    }
    if (f instanceof Proto) {
      if (r !== undefined && r !== null && !(r instanceof TvbRange)) {
        labels = v !== undefined ? [r, v, ...labels] : [r, ...labels];
        r = null;
      } else if (v !== undefined) {
        labels = [v, ...labels];
      }
      const h = r ? P.addProtocol(item._h, f._i, hostTvb(r._t), r._o, r._l) : P.addProtocol(item._h, f._i, null, 0, 0);
      return child(item, h, labels);
    }
    if (f instanceof TvbRange) {
      const text = [r, v, ...labels].filter((x) => x !== undefined && x !== null).join('');
      return DETAILED ? child(item, P.addText(item._h, hostTvb(f._t), f._o, f._l, text), []) : skipped(item);
    }
    if (typeof f === 'string') {
      const text = [f, r, v, ...labels].filter((x) => x !== undefined && x !== null).join('');
      return DETAILED ? child(item, P.addText(item._h, null, 0, 0, text), []) : skipped(item);
    }
    throw typeError('TreeItem.add', 'bad argument #1: expected a ProtoField, a Proto, a TvbRange or a string, not ' + f);
  }

  function addValue(ph, f, g, t, o, l, v) {
    switch (f._k) {
      case 'n':
        if (f._mask) v = maskValue(v, f._mask);
        return typeof v === 'bigint' ? P.addBig(ph, g, t, o, l, v.toString()) : P.addNumber(ph, g, t, o, l, Number(v));
      case 'd': return P.addNumber(ph, g, t, o, l, Number(v));
      case 'b': return P.addBool(ph, g, t, o, l, !!v);
      case 's': return P.addString(ph, g, t, o, l, String(v));
      case '4': return P.addNumber(ph, g, t, o, l, typeof v === 'number' ? v : ipv4Number(v));
      case 'e': return P.addNumber(ph, g, t, o, l, typeof v === 'number' ? v : etherNumber(v));
      case 't': {
        const ns = v instanceof NSTime ? v : NSTime.fromNanos(Number(v) * 1e9);
        return P.addTime(ph, g, t, o, l, ns.secs, ns.nsecs);
      }
      case 'y': return P.addBytes(ph, g, t, o, l, v instanceof ByteArray ? v.tohex(true) : new ByteArray(String(v)).tohex(true));
      default: return t === null ? P.addText(ph, null, 0, 0, String(v)) : P.addField(ph, g, t, o, l, false);
    }
  }

  function addPacketField(item, f, r, enc, labels) {
    if (!(f instanceof ProtoField)) throw typeError('TreeItem.add_packet_field', 'bad argument #1: expected a ProtoField');
    if (!(r instanceof TvbRange)) throw typeError('TreeItem.add_packet_field', 'bad argument #2: expected a TvbRange');
    const le = (enc & ENC.ENC_LITTLE_ENDIAN) !== 0;
    let value, ti;
    switch (f._k) {
      case 'n':
        value = r._l > 4 ? (le ? r.le_uint64() : r.uint64()) : (le ? r.le_uint() : r.uint());
        if (f._mask) value = maskValue(value, f._mask);
        ti = addItem(item, le, f, r, undefined, labels);
        break;
      case 's': {
        let rr = r;
        if (ftypeNames[f.type] === 'STRINGZ' && r._l === r._t._c - r._o) rr = r.range(0, r.strsize());
        value = rr.string(enc);
        ti = addItem(item, false, f, rr, value, labels);
        return [ti, value, rr._o + rr._l];
      }
      case 't':
        value = le ? r.le_nstime() : r.nstime(enc & 0xff);
        ti = addItem(item, false, f, r, value, labels);
        break;
      default:
        ti = addItem(item, le, f, r, undefined, labels);
        value = f._k === 'b' ? (le ? r.le_uint() : r.uint()) !== 0 : f._k === '4' ? r.ipv4() : f._k === 'e' ? r.ether() : r.bytes();
    }
    return [ti, value, r._o + r._l];
  }
  function maskValue(v, mask) {
    const m = BigInt(mask);
    let shift = 0n;
    while (shift < 64n && ((m >> shift) & 1n) === 0n) shift++;
    const r = (BigInt(v) & m) >> shift;
    return typeof v === 'bigint' ? r : Number(r);
  }

  // ---- pinfo and columns ------------------------------------------------------------------------
  /** One column of pinfo.cols: set, append, prepend, clear, fence. */
  class Column {
    constructor(pinfo, name) { this._p = pinfo; this._n = name; }
    set(text) {
      const ph = this._p._h;
      if (this._n === 'protocol') { colsFor(ph); cProto = String(text); }
      else if (this._n === 'info') { colsFor(ph); cReset = true; cText = String(text); }
      else { flushCols(); P.colSet(ph, this._n, String(text)); }
      return this;
    }
    append(text) {
      const ph = this._p._h;
      if (this._n === 'info') { colsFor(ph); cText += String(text); }
      else { this.set(this.toString() + String(text)); }
      return this;
    }
    prepend(text) {
      if (this._n === 'info') { flushCols(); P.colPrepend(this._p._h, String(text)); } else { this.set(String(text) + this.toString()); }
      return this;
    }
    clear() {
      const ph = this._p._h;
      if (this._n === 'info') { colsFor(ph); cReset = true; cText = ''; }
      else if (this._n === 'protocol') { colsFor(ph); cProto = ''; }
      return this;
    }
    fence() { if (this._n === 'info') { flushCols(); P.colFence(this._p._h); } return this; }
    clear_fence() { return this; }
    toString() { flushCols(); return P.colGet(this._p._h, this._n); }
  }
  /** pinfo.cols: assign a string or call the Column's methods. */
  class Columns {
    constructor(pinfo) { this._p = pinfo; }
    get protocol() { return new Column(this._p, 'protocol'); }
    set protocol(v) { colsFor(this._p._h); cProto = String(v); }
    get info() { return new Column(this._p, 'info'); }
    set info(v) { colsFor(this._p._h); cReset = true; cText = String(v); }
    get src() { return new Column(this._p, 'src'); }
    set src(v) { new Column(this._p, 'src').set(v); }
    get dst() { return new Column(this._p, 'dst'); }
    set dst(v) { new Column(this._p, 'dst').set(v); }
    get number() { return new Column(this._p, 'number'); }
  }

  /** What the dissector knows about the packet beyond its bytes (wslua Pinfo). */
  class Pinfo {
    constructor(h) { this._h = h; this._c = null; this._f = null; }
    /** Attributes fixed while this dissector runs, fetched once (one crossing) on first use. */
    _frame(i) { if (this._f === null) this._f = P.frameInfo(this._h); return this._f[i]; }
    get number() { return this._frame(0); }
    get len() { return this._frame(1); }
    get caplen() { return this._frame(2); }
    get abs_ts() { return this._frame(3); }
    get rel_ts() { return this._frame(4); }
    get delta_ts() { return this._frame(5); }
    get delta_dis_ts() { return this._frame(6); }
    /** Nanoseconds since the first frame, exact (a Dorsal addition). */
    get rel_ns() { return this._frame(7); }
    /** The frame's time as NSTime (a Dorsal addition; abs_ts is seconds as a number). */
    get abs_time() { return new NSTime(this._frame(10), this._frame(11)); }
    get visited() { return this._frame(8) !== 0; }
    get can_desegment() { return P.pnum(this._h, 9); }
    get desegment_len() { return P.pnum(this._h, 10); }
    set desegment_len(v) { P.setDesegment(this._h, P.pnum(this._h, 11), v); }
    get desegment_offset() { return P.pnum(this._h, 11); }
    set desegment_offset(v) { P.setDesegment(this._h, v, P.pnum(this._h, 10)); }
    get src_port() { return P.pnum(this._h, 12); }
    set src_port(v) { P.setPorts(this._h, '', v, P.pnum(this._h, 13)); }
    get dst_port() { return P.pnum(this._h, 13); }
    set dst_port(v) { P.setPorts(this._h, '', P.pnum(this._h, 12), v); }
    get port_type() { return P.portType(this._h); }
    /** Sets port type and both ports in one call (a Dorsal addition). */
    set_ports(type, src, dst) { P.setPorts(this._h, String(type), src, dst); }
    get in_error_pkt() { return this._frame(9) !== 0; }
    get src() { return addressOf(P.paddr(this._h, 0)); }
    set src(a) { setAddr(this, 0, a); }
    get dst() { return addressOf(P.paddr(this._h, 1)); }
    set dst(a) { setAddr(this, 1, a); }
    get net_src() { return addressOf(P.paddr(this._h, 2)); }
    set net_src(a) { setAddr(this, 2, a); }
    get net_dst() { return addressOf(P.paddr(this._h, 3)); }
    set net_dst(a) { setAddr(this, 3, a); }
    get dl_src() { return addressOf(P.paddr(this._h, 4)); }
    set dl_src(a) { setAddr(this, 4, a); }
    get dl_dst() { return addressOf(P.paddr(this._h, 5)); }
    set dl_dst(a) { setAddr(this, 5, a); }
    get lo() { const s = this.src, d = this.dst; return s.text <= d.text ? s : d; }
    get hi() { const s = this.src, d = this.dst; return s.text <= d.text ? d : s; }
    get cols() { return this._c === null ? (this._c = new Columns(this)) : this._c; }
    get columns() { return this.cols; }
    get curr_proto() { return CUR !== null && CUR.proto ? CUR.proto._name : ''; }
    /** Protocols so far, "eth:ethertype:ip:udp" (a Dorsal addition). */
    get layers() { return P.layers(this._h); }
    /**
     * Per-conversation state of this script: the same object for every packet between the same
     * addresses and ports (either direction) in one capture; {index} numbers them.
     */
    get conversation() {
      const i = P.conversation(this._h);
      let c = conversations[i];
      if (c === undefined) { c = { index: i }; conversations[i] = c; }
      return c;
    }
    set conversation(v) {
      throw typeError('pinfo.conversation', 'handing a conversation to a dissector is not supported; keep state on pinfo.conversation');
    }
  }
  function setAddr(pinfo, code, a) {
    const addr = a instanceof Address ? a : Address.ip(a);
    P.setAddress(pinfo._h, code, addr.type, addr.text);
  }

  // ---- dissectors and tables --------------------------------------------------------------------
  function tvbOf(tvb, where) {
    if (tvb instanceof TvbRange) return tvb.tvb();
    if (tvb instanceof Tvb) return tvb;
    throw typeError(where, 'bad argument #1 (tvb): expected a Tvb');
  }
  // A call out hands Java (tvb, off, len): an existing host tvb as is (off -1), or a sub-tvb's parent
  // and position, sliced on the Java side. Pending column text goes along (takeCols), so a call out
  // costs one crossing.
  function hostParent(t) { return t._h !== null ? t._h : hostTvb(t._p); }
  function hostOff(t) { return t._h !== null ? -1 : t._o; }
  let tpProto = null, tpReset = false, tpText = null;
  function takeCols(ph) {
    if (cPinfo === ph) {
      tpProto = cProto; tpReset = cReset; tpText = cText;
      cPinfo = null; cProto = null; cReset = false; cText = '';
    } else {
      flushCols();
      tpProto = null; tpReset = false; tpText = null;
    }
  }

  /** A dissector by name (wslua Dissector): Dissector.get("data").call(tvb, pinfo, tree). */
  class Dissector {
    constructor(h) { this._h = h; }
    static get(name) {
      const h = R.handle(String(name));
      if (h === null || h === undefined) throw typeError('Dissector.get', "no dissector named '" + name + "'");
      return new Dissector(h);
    }
    static list() { return Array.from(R.handleNames()); }
    call(tvb, pinfo, tree) {
      const t = tvbOf(tvb, 'Dissector.call');
      takeCols(pinfo._h);
      return P.call(this._h, hostParent(t), hostOff(t), t._r, pinfo._h, tree._h, tpProto, tpReset, tpText);
    }
    get name() { return R.handleName(this._h); }
    toString() { return R.handleDescription(this._h); }
  }

  function handleOf(d, where) {
    if (d instanceof Proto) return R.protoHandle(d._i);
    if (d instanceof Dissector) return d._h;
    if (typeof d === 'string') return Dissector.get(d)._h;
    throw typeError(where, 'bad argument #2: expected a Proto or a Dissector');
  }
  function eachKey(table, pattern, onNumber, onString, where) {
    if (typeof pattern === 'number') return onNumber(pattern);
    if (Array.isArray(pattern)) { for (const p of pattern) eachKey(table, p, onNumber, onString, where); return; }
    if (typeof pattern !== 'string') throw typeError(where, 'bad argument #1 (pattern): expected a number, a range string or a string');
    if (table._str) return onString(pattern);
    for (const part of pattern.split(',')) {
      const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!m) throw typeError(where, "bad argument #1 (pattern): '" + pattern + "' is not a range like '8000-8010,9000'");
      const lo = Number(m[1]), hi = m[2] === undefined ? lo : Number(m[2]);
      for (let k = lo; k <= hi; k++) onNumber(k);
    }
  }

  /** A dissector table (wslua DissectorTable), shared with the Java dissectors. */
  class DissectorTable {
    constructor(h, name) { this._h = h; this._name = name; this._str = R.tableIsString(h); }
    static get(name) {
      const h = R.table(String(name));
      return h === null || h === undefined ? null : new DissectorTable(h, String(name));
    }
    static new(name, uiName, type = ftypes.UINT32, b = base.DEC, proto) {
      const h = R.newTable(String(name), String(uiName || name), type, b);
      return new DissectorTable(h, String(name));
    }
    static list() { return Array.from(R.tableNames()); }
    static heuristic_list() { return ['tcp', 'udp']; }
    /** Offers tvb to the heuristic dissectors of list (e.g. "udp"); true when one took it. */
    static try_heuristics(list, tvb, pinfo, tree) {
      const t = tvbOf(tvb, 'DissectorTable.try_heuristics');
      takeCols(pinfo._h);
      return P.tryHeuristics(String(list), hostParent(t), hostOff(t), t._r, pinfo._h, tree._h, tpProto, tpReset, tpText);
    }
    add(pattern, d) {
      const h = handleOf(d, 'DissectorTable.add');
      eachKey(this, pattern, (k) => R.tableAdd(this._h, k, h), (s) => R.tableAddString(this._h, s, h), 'DissectorTable.add');
    }
    set(pattern, d) { this.add(pattern, d); }
    remove(pattern, d) {
      const h = d === undefined || d === null ? null : handleOf(d, 'DissectorTable.remove');
      eachKey(this, pattern, (k) => R.tableRemove(this._h, k, h), () => {}, 'DissectorTable.remove');
    }
    remove_all(d) { R.tableRemoveAll(this._h, handleOf(d, 'DissectorTable.remove_all')); }
    /** Decode-As: d takes pattern over whatever is registered; null gives the registered dissector back. */
    decode_as(pattern, d) {
      const h = d === undefined || d === null ? null : handleOf(d, 'DissectorTable.decode_as');
      eachKey(this, pattern, (k) => R.tableDecodeAs(this._h, k, h), () => {}, 'DissectorTable.decode_as');
    }
    add_for_decode_as(proto) { handleOf(proto, 'DissectorTable.add_for_decode_as'); }
    try(pattern, tvb, pinfo, tree) {
      const t = tvbOf(tvb, 'DissectorTable.try');
      takeCols(pinfo._h);
      return typeof pattern === 'string' && this._str
        ? P.tryTableString(this._h, pattern, hostParent(t), hostOff(t), t._r, pinfo._h, tree._h, tpProto, tpReset, tpText)
        : P.tryTable(this._h, Number(pattern), hostParent(t), hostOff(t), t._r, pinfo._h, tree._h, tpProto, tpReset, tpText);
    }
    get_dissector(pattern) {
      const h = typeof pattern === 'string' && this._str ? R.tableGetString(this._h, pattern) : R.tableGet(this._h, Number(pattern));
      return h === null || h === undefined ? null : new Dissector(h);
    }
    get name() { return this._name; }
    toString() { return 'DissectorTable ' + this._name + ' (' + R.tableUiName(this._h) + ')'; }
  }
  DissectorTable.prototype.decodeAs = DissectorTable.prototype.decode_as;
  DissectorTable.prototype.removeAll = DissectorTable.prototype.remove_all;
  DissectorTable.prototype.getDissector = DissectorTable.prototype.get_dissector;

  /**
   * Splits a TCP stream into length-delimited PDUs (wslua dissect_tcp_pdus): getLen(tvb, pinfo, offset)
   * gives the length of the PDU starting at offset (negative: that many more bytes needed first);
   * dissect(tvb, pinfo, tree) gets one whole PDU. Asks TCP for more data when a PDU is cut.
   */
  function dissectTcpPdus(tvb, tree, minHeader, getLen, dissect, desegment = true) {
    if (CUR === null) throw typeError('dissectTcpPdus', 'only from within a dissector');
    const pinfo = CUR.pinfo;
    const total = tvb.len();
    let off = 0;
    while (off < total) {
      const avail = total - off;
      if (avail < minHeader && desegment && pinfo.can_desegment > 0) {
        pinfo.set_desegment(off, DESEGMENT_ONE_MORE_SEGMENT);
        return total;
      }
      const n = getLen(tvb, pinfo, off);
      if (n === 0 || n === undefined || n === null || Number.isNaN(n)) return off;
      if (n < 0) {
        if (desegment && pinfo.can_desegment > 0) { pinfo.set_desegment(off, -n); return total; }
        return off;
      }
      if (n > avail && desegment && pinfo.can_desegment > 0) {
        pinfo.set_desegment(off, n - avail);
        return total;
      }
      dissect(tvb.range(off, Math.min(n, tvb._r - off)).tvb(), pinfo, tree);
      off += n;
    }
    return total;
  }
  Pinfo.prototype.set_desegment = function (offset, len) { P.setDesegment(this._h, offset, len); };

  // ---- field extractors and listeners -----------------------------------------------------------
  /** One occurrence of a field in the current packet (wslua FieldInfo). */
  class FieldInfo {
    constructor(v) { this._v = v; }
    get name() { return this._v.name(); }
    get type() { return this._v.type(); }
    get len() { return this._v.len(); }
    get offset() { return this._v.offset(); }
    get generated() { return this._v.generated(); }
    get hidden() { return this._v.hidden(); }
    get display() { return this._v.display(); }
    get label() { return this._v.label(); }
    get value() {
      const v = this._v;
      switch (v.kind()) {
        case 'n': return v.type() === 'UINT64' || v.type() === 'INT64' ? BigInt(v.bigint()) : v.number();
        case 'b': return v.number() !== 0;
        case 'd': return v.dbl();
        case 's': return v.text();
        case 't': return NSTime.fromNanos(v.number());
        case 'a': return new Address(v.type(), v.display());
        case 'x': return new ByteArray(v.hex());
        default: return v.display();
      }
    }
    toString() { return this._v.display(); }
  }
  /** Field.new(name): an extractor; call it during dissection or in a listener for the field's occurrences. */
  const FieldNs = {
    new(name) {
      const idx = R.extractor(String(name));
      const f = function () { const a = P.fieldValues(idx); return a.length > 0 ? new FieldInfo(a[0]) : undefined; };
      f.all = function () { const a = P.fieldValues(idx); const out = []; for (let i = 0; i < a.length; i++) out.push(new FieldInfo(a[i])); return out; };
      Object.defineProperty(f, 'name', { value: String(name) });
      f.toString = () => String(name);
      return f;
    },
    list() { return []; },
  };

  /** A tap (wslua Listener): packet(pinfo, tvb, tapinfo) per matching packet, draw() at the end, reset(). */
  function Listener(tap = 'frame', filter = '', allfields = false) {
    if (!new.target) return new Listener(tap, filter, allfields);
    if (tap !== 'frame') throw typeError('Listener.new', "only the 'frame' tap exists, not '" + tap + "'");
    this.packet = null; this.draw = null; this.reset = null;
    this._i = listeners.length;
    listeners.push(this);
    R.listener(this._i, String(tap), filter === undefined || filter === null ? '' : String(filter), !!allfields);
  }
  Listener.new = (t, f, a) => new Listener(t, f, a);
  Listener.list = () => ['frame'];
  Listener.prototype.remove = function () { listeners[this._i] = null; };

  /** pinfo as a listener sees it: the dissected packet, read-only. */
  class TapPinfo {
    constructor(h) { this._h = h; }
    get number() { return P.tapNum(this._h, 0); }
    get len() { return P.tapNum(this._h, 1); }
    get caplen() { return P.tapNum(this._h, 2); }
    get abs_ts() { return P.tapNum(this._h, 3); }
    get rel_ts() { return P.tapNum(this._h, 4); }
    get visited() { return true; }
    get src_port() { return P.tapNum(this._h, 5); }
    get dst_port() { return P.tapNum(this._h, 6); }
    get src() { return new Address('', P.tapText(this._h, 'src')); }
    get dst() { return new Address('', P.tapText(this._h, 'dst')); }
    get layers() { return P.tapText(this._h, 'protocols'); }
    get cols() {
      const h = this._h;
      return { protocol: { toString: () => P.tapText(h, 'protocol') }, info: { toString: () => P.tapText(h, 'info') } };
    }
  }

  // ---- globals ----------------------------------------------------------------------------------
  const api = {
    Proto, ProtoField: ProtoFieldNs, ProtoExpert, Pref: PrefNs, base, ftypes, expert, frametype,
    DissectorTable, Dissector, Field: FieldNs, FieldInfo, Listener, Tvb, TvbRange, TreeItem, Pinfo, Column, Columns,
    ByteArray, NSTime, Address,
    DESEGMENT_ONE_MORE_SEGMENT, DESEGMENT_UNTIL_FIN,
    dissectTcpPdus, dissect_tcp_pdus: dissectTcpPdus,
    get_version: () => R.version(),
    UInt64: (v) => BigInt.asUintN(64, BigInt(v)),
    Int64: (v) => BigInt.asIntN(64, BigInt(v)),
  };
  for (const k of Object.keys(ENC)) api[k] = ENC[k];
  for (const k of Object.keys(api)) {
    Object.defineProperty(G, k, { value: api[k], writable: true, enumerable: false, configurable: true });
  }

  // ---- entry points for the host ----------------------------------------------------------------
  function entry(kind, idx, th, b, s, c, r, ph, treeH, detailed, generation) {
    const savedDetailed = DETAILED, savedCur = CUR;
    DETAILED = detailed;
    if (generation !== WG) {
      for (let i = 0; i < W.length; i++) W[i] = HW[i];
      WG = generation;
    }
    const tvb = new Tvb(th, b, s, c, r, null, 0);
    const pinfo = new Pinfo(ph);
    const tree = new TreeItem(treeH, false);
    try {
      if (kind === 0) {
        const p = protos[idx];
        CUR = { pinfo, proto: p };
        const fn = p._dissector;
        if (fn === null) return 0;
        const res = fn.call(p, tvb, pinfo, tree);
        if (res === undefined || res === null || res === true) return c;
        if (res === false) return 0;
        const n = Number(res);
        if (Number.isNaN(n)) throw typeError(p._name + '.dissector', 'must return a number of bytes, not ' + res);
        return n;
      }
      const h = heuristics[idx];
      CUR = { pinfo, proto: h[0] };
      const res = h[1].call(h[0], tvb, pinfo, tree);
      return res === true || (typeof res === 'number' && res > 0);
    } finally {
      flushCols();
      DETAILED = savedDetailed;
      CUR = savedCur;
    }
  }

  function newCapture() {
    conversations = [];
    for (const p of protos) {
      if (!p) continue;
      const now = prefText(p);
      if (p._prefsChanged !== null && now !== prefSnapshot.get(p)) p._prefsChanged.call(p);
      prefSnapshot.set(p, now);
      if (p._init !== null) p._init.call(p);
    }
  }

  function tap(idx, tp, th, b, s, c, r) {
    const l = listeners[idx];
    if (!l || typeof l.packet !== 'function') return;
    l.packet(new TapPinfo(tp), new Tvb(th, b, s, c, r, null, 0), {});
  }
  function draw(idx) { const l = listeners[idx]; if (l && typeof l.draw === 'function') l.draw(); }
  function reset(idx) { const l = listeners[idx]; if (l && typeof l.reset === 'function') l.reset(); }

  return { entry, commit, newCapture, tap, draw, reset, setWanted(w) { HW = w; W = new Int8Array(w.length); WG = 0; } };
})
