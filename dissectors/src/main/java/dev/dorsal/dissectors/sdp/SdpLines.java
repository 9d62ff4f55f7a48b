package dev.dorsal.dissectors.sdp;

import dev.dorsal.dissectors.rtp.RtpPayloadTypes;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one SDP line ({@code x=value}, RFC 8866 §5) and the state a description carries
 * between lines: whether a media section has begun, the session and media connection addresses,
 * and the rtpmap names fmtp lines refer to.
 */
final class SdpLines {
    /** A media stream an m= line describes: its address (from c=) and port. */
    record Stream(String address, int port, String proto, Map<Integer, String> rtpmap, int rtcpPort) {}

    private final Tvb tvb;
    private final ProtoItem sdp;
    private boolean inMedia;
    private String sessionAddress;
    private String mediaAddress;
    private int mediaPort = -1;
    /** The port of the media section's a=rtcp attribute, or -1. */
    private int rtcpPort = -1;
    private String mediaProto;
    private final Map<String, String> rtpmap = new HashMap<>();
    /** The rtpmap encoding names of the current media section by payload type. */
    private final Map<Integer, String> rtpmapByType = new HashMap<>();
    private final List<Stream> streams = new ArrayList<>();

    SdpLines(Tvb tvb, ProtoItem sdp) {
        this.tvb = tvb;
        this.sdp = sdp;
    }

    /** The media streams with a port, in order, with the connection address that applies to each. */
    List<Stream> streams() {
        endMedia();
        return streams;
    }

    /** Adds the items of the line at {@code off} ({@code len} bytes, {@code itemLen} with its end of line). */
    void line(int off, int len, int itemLen) {
        if (len < 2 || tvb.u8(off + 1) != '=') {
            sdp.addString(SdpFields.INVALID, tvb, off, len, tvb.utf8(off, len)).expert(SdpFields.INVALID_NO_EQUAL);
            return;
        }
        char type = (char) tvb.u8(off);
        int vs = off + 2;
        int vl = len - 2;
        String value = tvb.utf8(vs, vl);
        FieldDef f = field(type);
        if (f == null) {
            sdp.addString(SdpFields.UNKNOWN, tvb, off, itemLen, value);
            return;
        }
        ProtoItem item = sdp.addString(f, tvb, off, itemLen, value);
        switch (type) {
            case 'o' -> split(item, vs, vl, SdpFields.OWNER_USERNAME, SdpFields.OWNER_SESSIONID,
                    SdpFields.OWNER_VERSION, SdpFields.OWNER_NETWORK_TYPE, SdpFields.OWNER_ADDRESS_TYPE,
                    SdpFields.OWNER_ADDRESS);
            case 'c' -> connection(item, vs, vl);
            case 'b' -> bandwidth(item, vs, vl);
            case 't' -> split(item, vs, vl, SdpFields.TIME_START, SdpFields.TIME_STOP);
            case 'r' -> split(item, vs, vl, SdpFields.REPEAT_INTERVAL, SdpFields.REPEAT_DURATION,
                    SdpFields.REPEAT_OFFSET);
            case 'k' -> key(item, vs, vl);
            case 'm' -> media(item, vs, vl);
            case 'a' -> attribute(item, vs, vl);
            default -> { }
        }
    }

    private FieldDef field(char type) {
        return switch (type) {
            case 'v' -> SdpFields.VERSION;
            case 'o' -> SdpFields.OWNER;
            case 's' -> SdpFields.SESSION_NAME;
            case 'i' -> inMedia ? SdpFields.MEDIA_TITLE : SdpFields.SESSION_INFO;
            case 'u' -> SdpFields.URI;
            case 'e' -> SdpFields.EMAIL;
            case 'p' -> SdpFields.PHONE;
            case 'c' -> SdpFields.CONNECTION_INFO;
            case 'b' -> SdpFields.BANDWIDTH;
            case 't' -> SdpFields.TIME;
            case 'r' -> SdpFields.REPEAT_TIME;
            case 'z' -> SdpFields.TIMEZONE;
            case 'k' -> SdpFields.ENCRYPTION_KEY;
            case 'm' -> SdpFields.MEDIA;
            case 'a' -> inMedia ? SdpFields.MEDIA_ATTR : SdpFields.SESSION_ATTR;
            default -> null;
        };
    }

    /** Space-separated parts, one field each; the last takes the rest of the line. */
    private void split(ProtoItem item, int vs, int vl, FieldDef... fields) {
        int p = vs;
        int end = vs + vl;
        for (int i = 0; i < fields.length && p < end; i++) {
            int e = i == fields.length - 1 ? end : next(p, end, ' ');
            item.addString(fields[i], tvb, p, e - p, tvb.utf8(p, e - p));
            p = e + 1;
        }
    }

    private void connection(ProtoItem item, int vs, int vl) {
        int end = vs + vl;
        int a = next(vs, end, ' ');
        int b = a < end ? next(a + 1, end, ' ') : end;
        item.addString(SdpFields.CONNECTION_NETWORK_TYPE, tvb, vs, a - vs, tvb.utf8(vs, a - vs));
        if (a >= end) {
            return;
        }
        item.addString(SdpFields.CONNECTION_ADDRESS_TYPE, tvb, a + 1, b - a - 1, tvb.utf8(a + 1, b - a - 1));
        if (b >= end) {
            return;
        }
        int slash = next(b + 1, end, '/');
        String address = tvb.utf8(b + 1, slash - b - 1);
        item.addString(SdpFields.CONNECTION_ADDRESS, tvb, b + 1, slash - b - 1, address);
        if (slash < end) {
            int s2 = next(slash + 1, end, '/');
            item.addString(SdpFields.CONNECTION_TTL, tvb, slash + 1, s2 - slash - 1, tvb.utf8(slash + 1, s2 - slash - 1));
            if (s2 < end) {
                item.addString(SdpFields.CONNECTION_NUM_ADDR, tvb, s2 + 1, end - s2 - 1,
                        tvb.utf8(s2 + 1, end - s2 - 1));
            }
        }
        if (inMedia) {
            mediaAddress = address;
        } else {
            sessionAddress = address;
        }
    }

    private void bandwidth(ProtoItem item, int vs, int vl) {
        int end = vs + vl;
        int colon = next(vs, end, ':');
        String modifier = tvb.utf8(vs, colon - vs);
        ProtoItem m = item.addString(SdpFields.BANDWIDTH_MODIFIER, tvb, vs, colon - vs, modifier);
        String name = SdpDissector.BANDWIDTH_MODIFIERS.get(modifier);
        if (name != null && m != item) {
            m.appendText(" [" + name + "]");
        }
        if (colon >= end) {
            return;
        }
        ProtoItem v = item.addString(SdpFields.BANDWIDTH_VALUE, tvb, colon + 1, end - colon - 1,
                tvb.utf8(colon + 1, end - colon - 1));
        if (v != item && (modifier.equals("CT") || modifier.equals("AS"))) {
            v.appendText(" kb/s");
        } else if (v != item && modifier.equals("TIAS")) {
            v.appendText(" b/s");
        }
    }

    private void key(ProtoItem item, int vs, int vl) {
        int end = vs + vl;
        int colon = next(vs, end, ':');
        item.addString(SdpFields.KEY_TYPE, tvb, vs, colon - vs, tvb.utf8(vs, colon - vs));
        if (colon < end) {
            item.addString(SdpFields.KEY_DATA, tvb, colon + 1, end - colon - 1, tvb.utf8(colon + 1, end - colon - 1));
        }
    }

    private void media(ProtoItem item, int vs, int vl) {
        endMedia();
        inMedia = true;
        mediaAddress = null;
        rtcpPort = -1;
        rtpmap.clear();
        rtpmapByType.clear();
        int end = vs + vl;
        int a = next(vs, end, ' ');
        item.addString(SdpFields.MEDIA_MEDIA, tvb, vs, a - vs, tvb.utf8(vs, a - vs));
        if (a >= end) {
            return;
        }
        int b = next(a + 1, end, ' ');
        int slash = next(a + 1, b, '/');
        String portText = tvb.utf8(a + 1, slash - a - 1);
        item.addString(SdpFields.MEDIA_PORT_STRING, tvb, a + 1, slash - a - 1, portText).setHidden();
        int port = parsePort(portText);
        if (port >= 0) {
            item.addUint(SdpFields.MEDIA_PORT, tvb, a + 1, slash - a - 1, port);
        }
        if (slash < b) {
            item.addString(SdpFields.MEDIA_PORTCOUNT, tvb, slash + 1, b - slash - 1, tvb.utf8(slash + 1, b - slash - 1));
        }
        if (b >= end) {
            return;
        }
        int c = next(b + 1, end, ' ');
        String proto = tvb.utf8(b + 1, c - b - 1);
        item.addString(SdpFields.MEDIA_PROTO, tvb, b + 1, c - b - 1, proto);
        boolean rtp = proto.contains("RTP/");
        int p = c + 1;
        while (p < end) {
            int e = next(p, end, ' ');
            String fmt = tvb.utf8(p, e - p);
            int pt = rtp ? parsePort(fmt) : -1;
            // tshark's value is the payload type's name for RTP profiles
            item.addString(SdpFields.MEDIA_FORMAT, tvb, p, e - p,
                    pt >= 0 && pt <= 127 ? RtpPayloadTypes.name(pt) : fmt);
            p = e + 1;
        }
        mediaPort = port;
        mediaProto = proto;
    }

    private void endMedia() {
        if (mediaPort > 0) {
            String address = mediaAddress != null ? mediaAddress : sessionAddress;
            if (address != null) {
                streams.add(new Stream(address, mediaPort, mediaProto, Map.copyOf(rtpmapByType), rtcpPort));
            }
        }
        mediaPort = -1;
    }

    private void attribute(ProtoItem item, int vs, int vl) {
        int end = vs + vl;
        int colon = next(vs, end, ':');
        if (colon >= end) {
            return;
        }
        String name = tvb.utf8(vs, colon - vs);
        if (!inMedia) {
            item.addString(SdpFields.SESSION_ATTR_FIELD, tvb, vs, colon - vs, name);
            item.addString(SdpFields.SESSION_ATTR_VALUE, tvb, colon + 1, end - colon - 1,
                    tvb.utf8(colon + 1, end - colon - 1));
            return;
        }
        item.addString(SdpFields.MEDIA_ATTR_FIELD, tvb, vs, colon - vs, name);
        int v = colon + 1;
        if (name.equals("rtpmap")) {
            int sp = next(v, end, ' ');
            String pt = tvb.utf8(v, sp - v);
            item.addString(SdpFields.MEDIA_FORMAT, tvb, v, sp - v, pt);
            if (sp >= end) {
                return;
            }
            int slash = next(sp + 1, end, '/');
            String mime = tvb.utf8(sp + 1, slash - sp - 1);
            item.addString(SdpFields.MIME_TYPE, tvb, sp + 1, slash - sp - 1, mime);
            rtpmap.put(pt, mime);
            int type = parsePort(pt);
            if (type >= 0 && type <= 127) {
                rtpmapByType.put(type, mime);
            }
            if (slash < end) {
                int s2 = next(slash + 1, end, '/');
                item.addString(SdpFields.SAMPLE_RATE, tvb, slash + 1, s2 - slash - 1,
                        tvb.utf8(slash + 1, s2 - slash - 1));
            }
        } else if (name.equals("fmtp")) {
            int sp = next(v, end, ' ');
            String pt = tvb.utf8(v, sp - v);
            ProtoItem fi = item.addString(SdpFields.MEDIA_FORMAT, tvb, v, sp - v, pt);
            String mime = rtpmap.get(pt);
            if (mime != null && fi != item) {
                fi.setText("Media Format: " + pt + " [" + mime + "]");
            }
            if (sp < end) {
                item.addString(SdpFields.FMTP_PARAMETER, tvb, sp + 1, end - sp - 1, tvb.utf8(sp + 1, end - sp - 1));
            }
        } else {
            String value = tvb.utf8(v, end - v);
            item.addString(SdpFields.MEDIA_ATTR_VALUE, tvb, v, end - v, value);
            if (name.equals("rtcp")) {
                int sp = value.indexOf(' ');
                rtcpPort = parsePort(sp < 0 ? value : value.substring(0, sp));
            }
        }
    }

    private int next(int from, int end, int c) {
        for (int i = from; i < end; i++) {
            if (tvb.u8(i) == c) {
                return i;
            }
        }
        return end;
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int v = Integer.parseInt(s);
        return v > 65535 ? -1 : v;
    }
}
