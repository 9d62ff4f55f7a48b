package dev.dorsal.engine.capture;

/**
 * The Section Header Block options a pcapng writer records: who wrote the file and where. Any of them
 * may be null to leave it out; pcap files have no place for them.
 *
 * @param hardware {@code shb_hardware}, e.g. the CPU
 * @param os {@code shb_os}, e.g. "Linux 6.1.0"
 * @param application {@code shb_userappl}, e.g. "Dorsal 0.1.0"
 */
public record SectionInfo(String hardware, String os, String application) {

    /** What Dorsal writes when converting a file: only the application. */
    public static final SectionInfo DORSAL = new SectionInfo(null, null, "Dorsal 0.1.0");

    /** What Dorsal writes for a live capture: the operating system and the application, as dumpcap does. */
    public static SectionInfo liveCapture() {
        String os = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "");
        return new SectionInfo(null, os.isBlank() ? null : os.trim(), DORSAL.application());
    }
}
