package dev.dorsal.engine.live;

import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The capture devices of this machine and the libpcap behind them. */
public final class LiveCaptures {

    /**
     * Why libpcap did not load, from the first attempt: later attempts only see "Could not initialize
     * class", which names no library.
     */
    private static volatile LiveCaptureException unavailable;

    private LiveCaptures() {}

    /** libpcap's version string ({@code libpcap version 1.10.3 ...}); fails when libpcap cannot be loaded. */
    public static String libraryVersion() throws LiveCaptureException {
        try {
            return Pcaps.libVersion();
        } catch (LinkageError e) {
            throw unavailable(e);
        }
    }

    /** The missing-library failure, the first one's reason kept for every later call. */
    static synchronized LiveCaptureException unavailable(LinkageError e) {
        if (unavailable == null) {
            unavailable = LiveErrors.noLibpcap(e);
        }
        return unavailable;
    }

    /** Every device libpcap can capture on, in its order (the order of {@code tshark -D}). */
    public static List<LiveInterface> interfaces() throws LiveCaptureException {
        libraryVersion();
        List<PcapNetworkInterface> devices;
        try {
            devices = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new LiveCaptureException(LiveCaptureException.Kind.FAILED,
                    "Can't get list of interfaces: " + e.getMessage(), e);
        }
        List<LiveInterface> out = new ArrayList<>(devices.size());
        for (PcapNetworkInterface d : devices) {
            out.add(new LiveInterface(d.getName(), d.getDescription(), d.isLoopBack(), d.isUp()));
        }
        return List.copyOf(out);
    }
}
