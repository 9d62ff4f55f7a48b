package dev.dorsal.engine.filter;

import dev.dorsal.engine.registry.FieldRegistry;
import java.io.PrintStream;

/**
 * Prints whether a display filter compiles, for {@code dorsal --check-filter 'expr'}: "OK" on
 * {@code out} and status 0, or the error as tshark prints it for {@code -Y} on {@code err}
 * ({@code "<program>: "} then the message, the filter and the caret line) and status 2, tshark's
 * exit status for a bad filter.
 *
 * <pre>
 * $ dorsal --check-filter 'tcp.port == 70000'
 * dorsal: "70000" too big for this field, maximum 65535.
 *     tcp.port == 70000
 *                 ^~~~~
 * </pre>
 */
public final class CheckFilter {
    /** Exit status for a filter that does not compile (as tshark's). */
    public static final int BAD_FILTER = 2;

    private CheckFilter() {}

    public static int run(String filter, FieldRegistry registry, PrintStream out, PrintStream err, String program) {
        try {
            DisplayFilter.compile(filter, registry);
        } catch (FilterException e) {
            err.println(program + ": " + e.getMessage());
            return BAD_FILTER;
        }
        out.println("OK");
        return 0;
    }
}
