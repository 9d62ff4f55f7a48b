package dev.dorsal.dissectors.ip;

import dev.dorsal.dissectors.frame.Dispatch;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;

/**
 * Brackets the dissection of the offending packet quoted inside an ICMP or ICMPv6 error (Wireshark's
 * pinfo->flags.in_error_pkt). Inside, layers skip complaints that only make sense for a whole packet
 * (a total length longer than the bytes present). The quoted packet must not change the summary of
 * the error itself, so {@link #enter} saves the columns and addresses and {@link #exit} puts them back,
 * as tshark does by making the columns read-only.
 */
public final class ErrorPacket {
    private static final Key<Boolean> KEY = Key.of("ip.in_error_packet");

    private ErrorPacket() {}

    /** What the quoted packet may overwrite. */
    public record Saved(boolean inside, String protocol, String info, String source, String destination,
            Address src, Address dst, Address netSrc, Address netDst, Address dlSrc, Address dlDst, int errors) {}

    /** True while an ICMP error's quoted packet is being dissected. */
    public static boolean inside(PacketInfo pinfo) {
        return Boolean.TRUE.equals(pinfo.get(KEY));
    }

    /** Marks the start of a quoted packet and saves the summary state. */
    public static Saved enter(PacketInfo pinfo) {
        Columns c = pinfo.columns();
        Saved s = new Saved(inside(pinfo), c.protocol(), c.enabled() ? c.info() : null, c.source(),
                c.destination(), pinfo.src(), pinfo.dst(), pinfo.netSrc(), pinfo.netDst(), pinfo.dlSrc(),
                pinfo.dlDst(), Dispatch.errors(pinfo));
        pinfo.put(KEY, Boolean.TRUE);
        return s;
    }

    /**
     * Restores what {@link #enter} saved. Returns true when the quoted packet ended the dissection (it
     * was cut short or malformed): tshark's error then unwinds through ICMP, so the caller must stop,
     * and the mark stays in Info.
     */
    public static boolean exit(PacketInfo pinfo, Saved s) {
        pinfo.put(KEY, s.inside());
        Columns c = pinfo.columns();
        boolean ended = Dispatch.errors(pinfo) > s.errors();
        c.setProtocol(s.protocol());
        if (s.info() != null) {
            c.setInfo(ended ? s.info() + Dispatch.lastErrorInfo(pinfo) : s.info());
        }
        c.setSource(s.source());
        c.setDestination(s.destination());
        pinfo.setDlAddresses(s.dlSrc(), s.dlDst());
        pinfo.setNetAddresses(s.netSrc(), s.netDst());
        pinfo.setAddresses(s.src(), s.dst());
        return ended;
    }
}
