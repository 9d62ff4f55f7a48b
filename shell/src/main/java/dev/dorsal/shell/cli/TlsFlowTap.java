package dev.dorsal.shell.cli;

import dev.dorsal.dissectors.tls.TlsFlow;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.stats.Tap;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code -z tls,flow[,N]} (Dorsal's own statistic): the handshake ladder of every TLS session of the
 * run, or of session N (0-based, in order of appearance), with the notes that explain it. The TLS
 * dissector records the ladders as it goes ({@link TlsFlow}); this tap prints them after the last
 * packet, from the run's dissection state, as the shell's {@code tls flow} does.
 */
final class TlsFlowTap implements Tap {
    static final String NAME = "tls,flow";

    private final Integer session;
    private Dissection dissection;

    private TlsFlowTap(Integer session) {
        this.session = session;
    }

    /** The tap for {@code argument} ({@code tls,flow} or {@code tls,flow,N}), or null when it is another statistic. */
    static TlsFlowTap parse(String argument) throws UsageError {
        if (argument.equals(NAME)) {
            return new TlsFlowTap(null);
        }
        if (!argument.startsWith(NAME + ",")) {
            return null;
        }
        String n = argument.substring(NAME.length() + 1);
        try {
            int index = Integer.parseInt(n);
            if (index >= 0) {
                return new TlsFlowTap(index);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageError("-z tls,flow,N: N is a session number from 0, not \"" + n + "\"",
                BatchCommand.EXIT_USAGE, false);
    }

    /** The dissection whose state holds the ladders (the pipeline's, which is the run's last pass). */
    void attach(Dissection d) {
        this.dissection = d;
    }

    @Override
    public void packet(DissectedPacket p) {
        // The ladder is kept by the TLS dissector itself.
    }

    @Override
    public void finish(PrintStream out) {
        TlsFlow flow = dissection == null ? null : dissection.state(TlsFlow.KEY);
        int sessions = flow == null ? 0 : flow.sessions().size();
        if (sessions == 0) {
            out.println("No TLS session.");
        } else if (session == null) {
            out.print(flow.render());
        } else if (session >= sessions) {
            out.println("No TLS session " + session + ": sessions are 0 to " + (sessions - 1) + ".");
        } else {
            out.print(flow.render(session));
        }
        out.flush();
    }

    /** TLS must run (its protocol named), though no field of it is read. */
    @Override
    public Set<String> fieldsNeeded() {
        return Set.of("tls");
    }

    @Override
    public boolean needsDetailedTree() {
        return false;
    }
}
