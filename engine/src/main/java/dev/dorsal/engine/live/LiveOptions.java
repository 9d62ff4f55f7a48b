package dev.dorsal.engine.live;

/**
 * How to open a capture device.
 *
 * @param device the device name ({@link LiveInterface#name()})
 * @param snapLen bytes kept of each packet; 0 means Wireshark's default of 262,144
 * @param promiscuous capture packets not addressed to this host too (tshark's default; {@code -p} turns it off)
 * @param captureFilter a BPF filter in libpcap syntax ({@code tcp port 443}), or null for every packet
 * @param bufferBytes the kernel buffer size, or 0 for libpcap's default (2 MiB on Linux)
 */
public record LiveOptions(String device, int snapLen, boolean promiscuous, String captureFilter, int bufferBytes) {

    /** Wireshark's default and largest ordinary snap length. */
    public static final int DEFAULT_SNAPLEN = 262_144;

    public LiveOptions {
        if (device == null || device.isEmpty()) {
            throw new IllegalArgumentException("no capture device named");
        }
        if (snapLen < 0 || bufferBytes < 0) {
            throw new IllegalArgumentException("negative snap length or buffer size");
        }
    }

    /** Every packet of {@code device}, whole, promiscuous, with libpcap's buffer: tshark's defaults. */
    public static LiveOptions of(String device) {
        return new LiveOptions(device, 0, true, null, 0);
    }

    public LiveOptions withFilter(String bpf) {
        return new LiveOptions(device, snapLen, promiscuous, bpf, bufferBytes);
    }

    /** The snap length libpcap is asked for: {@link #DEFAULT_SNAPLEN} when none was given. */
    public int effectiveSnapLen() {
        return snapLen == 0 ? DEFAULT_SNAPLEN : snapLen;
    }
}
