package dev.dorsal.engine.capture;

/**
 * One capture interface: the pcapng Interface Description Block, the pcap file header, or a live
 * capture's interface.
 *
 * @param linkType LINKTYPE_ code of the frames on this interface
 * @param snapLen the snapshot length; 0 means no limit
 * @param name {@code if_name}, or null when the file does not say (pcap never does)
 * @param tsResolutionDigits decimal digits a timestamp shows (see {@link RawFrame#timePrecisionDigits()})
 * @param description {@code if_description}, or null
 * @param tsOffsetSeconds {@code if_tsoffset}: seconds added to every timestamp
 * @param section 0-based pcapng section the interface belongs to (0 for pcap)
 * @param tsResolution the {@code if_tsresol} option's byte ({@code n} for units of 10^-n s, {@code 0x80 | n}
 *     for 2^-n s), or -1 when the interface states none and so counts microseconds (a microsecond pcap, a
 *     pcapng IDB without the option); writers keep it, so timestamps keep their unit and a copy states
 *     exactly what its source stated
 * @param filter {@code if_filter} as a libpcap filter string (the capture filter), or null
 * @param os {@code if_os}, or null
 */
public record InterfaceInfo(int linkType, int snapLen, String name, int tsResolutionDigits,
        String description, long tsOffsetSeconds, int section, int tsResolution, String filter, String os) {

    /** Microseconds, the default when no option says otherwise. */
    public static final int DEFAULT_TS_RESOLUTION = 6;

    /**
     * An interface with a decimal resolution of {@code tsResolutionDigits} (stated only when it is not the
     * default microseconds) and no filter or OS recorded.
     */
    public InterfaceInfo(int linkType, int snapLen, String name, int tsResolutionDigits, String description,
            long tsOffsetSeconds, int section) {
        this(linkType, snapLen, name, tsResolutionDigits, description, tsOffsetSeconds, section,
                tsResolutionDigits == DEFAULT_TS_RESOLUTION ? -1 : tsResolutionDigits, null, null);
    }

    /** The {@code if_tsresol} byte in force: the stated one, or {@link #DEFAULT_TS_RESOLUTION}. */
    public int effectiveTsResolution() {
        return tsResolution < 0 ? DEFAULT_TS_RESOLUTION : tsResolution;
    }

    /** The same interface with another capture filter, as a live capture records the BPF it ran. */
    public InterfaceInfo withFilter(String captureFilter) {
        return new InterfaceInfo(linkType, snapLen, name, tsResolutionDigits, description, tsOffsetSeconds, section,
                tsResolution, captureFilter, os);
    }

    /** The same interface in section {@code section}, as a writer that puts every interface in one section sees it. */
    public InterfaceInfo inSection(int newSection) {
        return new InterfaceInfo(linkType, snapLen, name, tsResolutionDigits, description, tsOffsetSeconds, newSection,
                tsResolution, filter, os);
    }
}
