package dev.dorsal.dissectors.wol;

import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.EtherNames;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Wake-on-LAN magic packet (AMD's "Magic Packet Technology" white paper): six 0xff bytes, the
 * target MAC sixteen times, then an optional SecureOn password of four (shown as an IPv4 address) or
 * six bytes (shown as a MAC). Found behind EtherType 0x0842 and, as tshark's enabled-by-default
 * heuristic, in any UDP payload; anything else is left to the next dissector. Filter prefix {@code wol.}.
 *
 * <pre>
 * | ff ff ff ff ff ff | MAC x 16 (96 bytes) | password (0, 4 or 6 bytes) |
 * </pre>
 */
public final class WolDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Wake On LAN", "WOL", "wol");
    static final int ETHERTYPE = 0x0842;

    static final FieldDef SYNC = FieldDef.bytes("wol.sync", "Sync stream");
    static final FieldDef MAC = FieldDef.ether("wol.mac", "MAC");
    static final FieldDef PASSWD = FieldDef.bytes("wol.passwd", "Password");
    static final List<FieldDef> FIELDS = List.of(SYNC, MAC, PASSWD);

    private static final int SYNC_LEN = 6;
    private static final int REPEATS = 16;
    static final int MAGIC_LEN = SYNC_LEN + 6 * REPEATS;

    @Override
    public String name() {
        return "wol";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("wol", PROTO, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree) ? tvb.length() : 0);
    }

    @Override
    public void handoff(Tables t) {
        t.table(EthertypeDissector.NAME).add(ETHERTYPE, t.handle("wol"));
        t.heuristics("udp").add("wol", PROTO, WolDissector::dissect, true);
    }

    /** True when the captured bytes hold the sync stream and sixteen copies of one MAC. */
    static boolean isMagic(Tvb tvb) {
        if (tvb.length() < MAGIC_LEN) {
            return false;
        }
        for (int i = 0; i < SYNC_LEN; i++) {
            if (tvb.u8(i) != 0xff) {
                return false;
            }
        }
        byte[] mac = tvb.bytes(SYNC_LEN, 6);
        for (int i = 1; i < REPEATS; i++) {
            if (!Arrays.equals(mac, tvb.bytes(SYNC_LEN + 6 * i, 6))) {
                return false;
            }
        }
        return true;
    }

    /** tshark's text of a password: an IPv4 address for four bytes, a MAC address for six or more. */
    static String passwordText(Tvb tvb, int off, int len) {
        if (len >= 6) {
            byte[] b = tvb.bytes(off, 6);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
            }
            return sb.toString();
        }
        return tvb.u8(off) + "." + tvb.u8(off + 1) + "." + tvb.u8(off + 2) + "." + tvb.u8(off + 3);
    }

    private static boolean dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (!isMagic(tvb)) {
            return false;
        }
        String macText = EtherNames.withRaw(tvb.u48(SYNC_LEN));
        int pwLen = tvb.length() - MAGIC_LEN >= 6 ? 6 : tvb.length() - MAGIC_LEN >= 4 ? 4 : 0;
        String password = pwLen == 0 ? null : passwordText(tvb, MAGIC_LEN, pwLen);
        Columns cols = pinfo.columns();
        cols.setProtocol("WOL");
        if (cols.enabled()) {
            cols.setInfo("MagicPacket for " + macText + (password == null ? "" : ", password " + password));
        }
        ProtoItem wol = tree.addProtocol(PROTO, tvb, 0, MAGIC_LEN + pwLen);
        if (wol.tree().detailed()) {
            wol.appendText(", MAC: " + macText + (password == null ? "" : ", password: " + password));
        }
        wol.add(SYNC, tvb, 0, SYNC_LEN);
        ProtoItem macs = wol.addText(tvb, SYNC_LEN, 6 * REPEATS, "MAC: " + macText);
        ProtoItem parent = macs == wol ? wol : macs;
        for (int i = 0; i < REPEATS; i++) {
            parent.add(MAC, tvb, SYNC_LEN + 6 * i, 6);
        }
        if (password != null) {
            // tshark's value is the start of the password's text, not its bytes
            byte[] text = Arrays.copyOf(password.getBytes(StandardCharsets.US_ASCII), pwLen);
            ProtoItem pw = wol.addBytes(PASSWD, tvb, MAGIC_LEN, pwLen, text);
            if (pw != wol && wol.tree().detailed()) {
                pw.setText("Password: " + password);
            }
        }
        return true;
    }
}
