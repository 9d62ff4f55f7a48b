package dev.dorsal.shell.cli;

import dev.dorsal.engine.live.LiveCaptureException;
import dev.dorsal.engine.live.LiveCaptures;
import dev.dorsal.engine.live.LiveInterface;
import java.io.PrintStream;
import java.util.List;

/** {@code -D} and the meaning of {@code -i}: a device name, or a number from the {@code -D} list. */
final class InterfaceChoice {
    private InterfaceChoice() {}

    /** Prints tshark's {@code -D} list: {@code 3. lo (Loopback)}. */
    static int list(PrintStream out, PrintStream err) {
        List<LiveInterface> devices;
        try {
            devices = LiveCaptures.interfaces();
        } catch (LiveCaptureException e) {
            err.println(BatchCommand.PREFIX + e.getMessage());
            return exitCode(e);
        }
        if (devices.isEmpty()) {
            err.println(BatchCommand.PREFIX + "There are no interfaces on which a capture can be done.");
            return BatchCommand.EXIT_FILE_OR_FILTER;
        }
        for (int i = 0; i < devices.size(); i++) {
            out.println(devices.get(i).listLine(i + 1));
        }
        out.flush();
        return BatchCommand.EXIT_OK;
    }

    /**
     * The device {@code arg} names: a 1-based index into the list, a listed name, or (as tshark does)
     * any other name, handed to libpcap as is. Without {@code -i}, the first device that is not loopback.
     */
    static LiveInterface choose(String arg) throws UsageError, LiveCaptureException {
        List<LiveInterface> devices = LiveCaptures.interfaces();
        if (arg == null) {
            return devices.stream().filter(d -> !d.loopback()).findFirst().or(() -> devices.stream().findFirst())
                    .orElseThrow(() -> new UsageError("There are no interfaces on which a capture can be done.",
                            BatchCommand.EXIT_FILE_OR_FILTER));
        }
        if (!arg.isEmpty() && arg.chars().allMatch(Character::isDigit)) {
            int index;
            try {
                index = Integer.parseInt(arg);
            } catch (NumberFormatException e) {
                index = 0;
            }
            if (index < 1 || index > devices.size()) {
                throw new UsageError("There is no interface with that adapter index", BatchCommand.EXIT_USAGE);
            }
            return devices.get(index - 1);
        }
        for (LiveInterface d : devices) {
            if (d.name().equals(arg)) {
                return d;
            }
        }
        return new LiveInterface(arg, null, false, false);
    }

    /** tshark's exit codes: 2 when it cannot capture at all (built without it), 1 when a capture fails. */
    static int exitCode(LiveCaptureException e) {
        return e.kind() == LiveCaptureException.Kind.NO_LIBPCAP ? BatchCommand.EXIT_FILE_OR_FILTER : BatchCommand.EXIT_USAGE;
    }
}
