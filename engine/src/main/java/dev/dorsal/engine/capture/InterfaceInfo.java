package dev.dorsal.engine.capture;

/**
 * One capture interface: the pcapng Interface Description Block, or the pcap file header.
 *
 * @param linkType LINKTYPE_ code of the frames on this interface
 * @param snapLen the snapshot length; 0 means no limit
 * @param name {@code if_name}, or null when the file does not say (pcap never does)
 * @param tsResolutionDigits decimal digits a timestamp shows (see {@link RawFrame#timePrecisionDigits()})
 * @param description {@code if_description}, or null
 * @param tsOffsetSeconds {@code if_tsoffset}: seconds added to every timestamp
 * @param section 0-based pcapng section the interface belongs to (0 for pcap)
 */
public record InterfaceInfo(int linkType, int snapLen, String name, int tsResolutionDigits,
        String description, long tsOffsetSeconds, int section) {}
