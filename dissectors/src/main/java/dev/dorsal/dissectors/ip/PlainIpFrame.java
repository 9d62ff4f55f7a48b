package dev.dorsal.dissectors.ip;

import dev.dorsal.dissectors.eth.EtherTypes;
import dev.dorsal.dissectors.eth.EthertypeDissector;
import dev.dorsal.dissectors.frame.FrameDissector;
import dev.dorsal.dissectors.frame.WtapEncap;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FlowShortcut.Binding;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the plain frames that flow shortcuts take (see {@code FlowShortcut}) straight from their
 * bytes: Ethernet II, then IPv4 without options and not a fragment, or IPv6 whose first next header
 * is the transport, handed on as the Ethernet, IPv4 and IPv6 dissectors hand them on.
 */
public final class PlainIpFrame {
    /** Where the transport header starts behind IPv4 (no options). */
    public static final int AFTER_IPV4 = 14 + 20;
    /** Where the transport header starts behind IPv6 (no extension header). */
    public static final int AFTER_IPV6 = 14 + 40;
    /** IPv4's MF flag and fragment offset: either set makes a fragment. */
    private static final int FRAGMENT_BITS = 0x3fff;

    private PlainIpFrame() {}

    /** The hand-offs this reading stands for, with {@code ip.proto} {@code protocol} going to {@code handle}. */
    public static List<Binding> assumes(int protocol, String handle) {
        return List.of(
                new Binding(FrameDissector.ENCAP_TABLE, WtapEncap.ETHERNET, "eth"),
                new Binding(EthertypeDissector.NAME, EtherTypes.IPV4, Ipv4Dissector.V4_HANDLE),
                new Binding(EthertypeDissector.NAME, EtherTypes.IPV6, "ipv6"),
                new Binding(Ipv4Dissector.PROTO_TABLE, protocol, handle));
    }

    /**
     * Where the transport header of IP protocol {@code protocol} starts ({@link #AFTER_IPV4} or
     * {@link #AFTER_IPV6}), or -1 when the frame is not a plain one of that protocol with at least
     * {@code minTransport} bytes of the transport header among the {@code have} bytes given.
     */
    public static int transport(byte[] f, int have, int linkType, int protocol, int minTransport) {
        if (WtapEncap.fromLinkType(linkType) != WtapEncap.ETHERNET || have < AFTER_IPV4 + minTransport) {
            return -1;
        }
        int etherType = u16(f, 12);
        if (etherType == EtherTypes.IPV4) {
            return (f[14] & 0xff) == 0x45 && (u16(f, 20) & FRAGMENT_BITS) == 0 && (f[23] & 0xff) == protocol
                    ? AFTER_IPV4 : -1;
        }
        if (etherType == EtherTypes.IPV6) {
            return (f[14] & 0xf0) == 0x60 && (f[20] & 0xff) == protocol && have >= AFTER_IPV6 + minTransport
                    ? AFTER_IPV6 : -1;
        }
        return -1;
    }

    /** The bytes of transport header and payload the IP header says there are ({@code at} from {@link #transport}). */
    public static int transportLength(byte[] f, int at) {
        return at == AFTER_IPV4 ? u16(f, 16) - 20 : u16(f, 18);
    }

    public static Address source(byte[] f, int at) {
        return at == AFTER_IPV4 ? Address.ipv4(u32(f, 26)) : new Address(Address.Type.IPv6, Arrays.copyOfRange(f, 22, 38));
    }

    public static Address destination(byte[] f, int at) {
        return at == AFTER_IPV4 ? Address.ipv4(u32(f, 30)) : new Address(Address.Type.IPv6, Arrays.copyOfRange(f, 38, 54));
    }

    public static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    public static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
