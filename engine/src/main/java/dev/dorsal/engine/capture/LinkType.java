package dev.dorsal.engine.capture;

/**
 * The LINKTYPE_ codes (tcpdump.org/linktypes.html) that say how to read a frame's first byte.
 *
 * <p>This is an open set: a frame keeps its numeric code in {@link RawFrame#linkType()}, and codes
 * without a constant here map to {@link #UNKNOWN} but are still read, so dissection decides.
 */
public enum LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    NULL(0),
    ETHERNET(1),
    PPP(9),
    /** Raw IP as some BSDs write DLT_RAW (12); Wireshark reads it as raw IP. */
    RAW_DLT12(12),
    /** Raw IP as BSD/OS writes DLT_RAW (14); Wireshark reads it as raw IP. */
    RAW_DLT14(14),
    /** Raw IPv4 or IPv6, told apart by the version nibble. */
    RAW(101),
    CHDLC(104),
    IEEE802_11(105),
    /** OpenBSD loopback: a 4-byte address family in network byte order. */
    LOOP(108),
    LINUX_SLL(113),
    IEEE802_11_RADIOTAP(127),
    IPV4(228),
    IPV6(229),
    NFLOG(239),
    NETLINK(253),
    LINUX_SLL2(276),
    /** Any code without a constant here; its {@link #code()} is -1. */
    UNKNOWN(-1);

    private static final LinkType[] KNOWN = values();

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    /** The LINKTYPE_ number as stored in pcap headers and pcapng IDBs. */
    public int code() {
        return code;
    }

    /** Maps a LINKTYPE_ number to its constant, or to {@link #UNKNOWN}; never null. */
    public static LinkType of(int code) {
        for (LinkType t : KNOWN) {
            if (t.code == code && code >= 0) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** True when frames start directly with an IP header (RAW, IPV4, IPV6 and the BSD raw codes). */
    public boolean rawIp() {
        return this == RAW || this == IPV4 || this == IPV6 || this == RAW_DLT12 || this == RAW_DLT14;
    }
}
