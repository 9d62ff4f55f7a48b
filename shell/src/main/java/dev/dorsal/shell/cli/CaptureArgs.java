package dev.dorsal.shell.cli;

import dev.dorsal.engine.capture.CaptureFormat;
import java.util.List;

/**
 * Parses the capture and save options ({@code -a -b -s -B -F}) and checks them against each other the
 * way tshark does, with tshark's messages (exit code 1).
 */
final class CaptureArgs {

    /**
     * When a live capture stops (besides {@code -c}); zero or negative fields are unset.
     *
     * @param durationSeconds {@code -a duration}, negative when unset
     * @param filesizeKb {@code -a filesize}, in kB of 1000 bytes
     * @param files {@code -a files}: stop after this many ring files
     * @param packets {@code -a packets}: stop after this many packets written (or displayed, without -w)
     */
    record Autostop(double durationSeconds, long filesizeKb, long files, long packets) {
        static final Autostop NONE = new Autostop(-1, 0, 0, 0);
    }

    /**
     * The {@code -b} ring buffer: when to switch to the next file, and how many to keep.
     *
     * @param on whether any {@code -b} was given (multiple-files mode)
     * @param filesizeKb switch after this many kB
     * @param files keep only the newest this many files (0: keep all)
     * @param durationSeconds switch after this long, negative when unset
     * @param packets switch after this many packets
     * @param intervalSeconds switch when the wall clock is a multiple of this
     */
    record Ring(boolean on, long filesizeKb, long files, double durationSeconds, long packets, long intervalSeconds) {
        static final Ring OFF = new Ring(false, 0, 0, -1, 0, 0);

        /** True when something tells the ring when to go to the next file. */
        boolean hasSwitchCriterion() {
            return filesizeKb > 0 || durationSeconds >= 0 || packets > 0 || intervalSeconds > 0;
        }
    }

    /** The file types {@code -F} accepts, with tshark's names and descriptions. */
    private static final List<String[]> FILE_TYPES = List.of(
            new String[] {"pcap", "Wireshark/tcpdump/... - pcap"},
            new String[] {"pcapng", "Wireshark/... - pcapng"},
            new String[] {"nsecpcap", "Wireshark/tcpdump/... - nanosecond pcap"});

    private CaptureArgs() {}

    /** The key of a {@code -a}/{@code -b} setting {@code key:value} (all of it when there is no colon). */
    private static String key(String setting) {
        int colon = setting.indexOf(':');
        return colon < 0 ? setting : setting.substring(0, colon);
    }

    /** The value of a {@code key:value} setting, empty when there is no colon. */
    private static String value(String setting) {
        int colon = setting.indexOf(':');
        return colon < 0 ? "" : setting.substring(colon + 1);
    }

    static Autostop autostop(List<String> args) throws UsageError {
        double duration = -1;
        long filesize = 0;
        long files = 0;
        long packets = 0;
        for (String a : args) {
            String key = key(a);
            String value = value(a);
            switch (key) {
                case "duration" -> duration = nonNegativeDouble(value, "autostop duration");
                case "filesize" -> filesize = positive(value, "autostop filesize");
                case "files" -> files = positive(value, "autostop files");
                case "packets" -> packets = positive(value, "packet write count");
                default -> throw usage("Invalid or unknown -a flag \"" + a + "\"");
            }
        }
        return new Autostop(duration, filesize, files, packets);
    }

    static Ring ring(List<String> args) throws UsageError {
        if (args.isEmpty()) {
            return Ring.OFF;
        }
        long filesize = 0;
        long files = 0;
        double duration = -1;
        long packets = 0;
        long interval = 0;
        for (String a : args) {
            String key = key(a);
            String value = value(a);
            // tshark ignores keys it does not know; the mode is still on, so the check below speaks.
            switch (key) {
                case "filesize" -> filesize = positive(value, "ring buffer filesize");
                case "files" -> files = positive(value, "number of ring buffer files");
                case "duration" -> duration = nonNegativeDouble(value, "ring buffer duration");
                case "packets" -> packets = positive(value, "ring buffer packet count");
                case "interval" -> interval = positive(value, "ring buffer interval");
                default -> { }
            }
        }
        return new Ring(true, filesize, files, duration, packets, interval);
    }

    /** {@code -s}: 0 (the default) means 262144, as in tshark. */
    static int snapLen(String s) throws UsageError {
        return s == null ? 0 : (int) Math.min(Integer.MAX_VALUE, natural(s, "snapshot length"));
    }

    /** {@code -B} in MiB, as bytes; 0 when not given. */
    static int bufferBytes(String s) throws UsageError {
        if (s == null) {
            return 0;
        }
        long mib = positive(s, "buffer size");
        return (int) Math.min(Integer.MAX_VALUE, mib << 20);
    }

    /** {@code -F}: pcapng when not given, as tshark. */
    static CaptureFormat fileType(String s) throws UsageError {
        if (s == null || s.equals("pcapng")) {
            return CaptureFormat.PCAPNG;
        }
        if (s.equals("pcap")) {
            return CaptureFormat.PCAP;
        }
        if (s.equals("nsecpcap")) {
            return CaptureFormat.PCAP_NSEC;
        }
        StringBuilder sb = new StringBuilder("\"" + s + "\" isn't a valid capture file type\n" + BatchCommand.PREFIX
                + "The available capture file types for the \"-F\" flag are:");
        for (String[] t : FILE_TYPES) {
            sb.append("\n    ").append(t[0]).append(" - ").append(t[1]);
        }
        throw usage(sb.toString());
    }

    /**
     * The checks tshark makes between the capture options once they are parsed; {@code live} is false
     * when a file is read.
     */
    static void check(boolean live, String writeFile, Autostop stop, Ring ring, String captureFilter)
            throws UsageError {
        if (!live) {
            if (captureFilter != null) {
                throw usage("Only read filters, not capture filters, can be specified when reading a capture file.");
            }
            if (ring.on() || stop.files() > 0) {
                throw usage("Multiple capture files requested, but a capture isn't being done.");
            }
            if (stop.durationSeconds() >= 0) {
                throw usage("A maximum capture time was specified, but a capture isn't being done.");
            }
            return;
        }
        if (ring.on() || stop.files() > 0) {
            if (writeFile == null) {
                throw usage("Multiple capture files requested, but the capture isn't being saved to a file.");
            }
            if (writeFile.equals("-")) {
                throw usage("Multiple capture files requested, but the capture is being written to the standard output.");
            }
            if (!ring.hasSwitchCriterion()) {
                throw usage("Multiple capture files requested, but no maximum capture file size, duration, interval"
                        + " or packets were specified.");
            }
        } else if (stop.filesizeKb() > 0 && writeFile == null) {
            throw usage("Maximum capture file size specified, but capture isn't being saved to a file.");
        }
    }

    /** tshark's get_positive_int: a decimal number above zero. */
    static long positive(String s, String what) throws UsageError {
        long n = natural(s, what);
        if (n == 0) {
            throw usage("The specified " + what + " is zero");
        }
        return n;
    }

    /** tshark's get_natural_int: a decimal number, zero allowed. */
    private static long natural(String s, String what) throws UsageError {
        long n;
        try {
            n = Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw usage("The specified " + what + " \"" + s + "\" isn't a decimal number");
        }
        if (n < 0) {
            throw usage("The specified " + what + " \"" + s + "\" is a negative number");
        }
        return n;
    }

    private static double nonNegativeDouble(String s, String what) throws UsageError {
        double d;
        try {
            d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw usage("The specified " + what + " \"" + s + "\" isn't a floating point number");
        }
        if (d < 0 || Double.isNaN(d)) {
            throw usage("The specified " + what + " \"" + s + "\" is a negative number");
        }
        return d;
    }

    private static UsageError usage(String message) {
        return new UsageError(message, BatchCommand.EXIT_USAGE);
    }
}
