package dev.dorsal.shell.repl.commands;

import dev.dorsal.dissectors.tls.TlsFlow;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Replay;
import java.util.List;

/** {@code tls flow [N]}: the handshake ladder of every TLS session, or of session N. */
public final class TlsCommand implements Command {
    @Override public String name() { return "tls"; }
    @Override public String usage() { return "tls flow [N]"; }
    @Override public String summary() { return "TLS handshake ladder diagrams, with notes on what each step means"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("flow"); }

    @Override
    public String help() {
        return """
                tls flow draws the handshake of every TLS session of the capture as a ladder: one line per
                message with its frame number, arrows from client to server and back, then notes in plain words
                (resumption, HelloRetryRequest, key exchange, tickets, alerts). tls flow N draws session N only
                (numbered from 0 in order of appearance).""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("flow") || args.size() > 2) {
            throw new CommandException("usage: " + usage());
        }
        LoadedCapture c = shell.capture();
        TlsFlow flow = flow(shell, c);
        if (flow == null || flow.sessions().isEmpty()) {
            shell.console().note("no TLS session in " + c.name());
            return;
        }
        if (args.size() == 1) {
            shell.console().print(flow.render());
            return;
        }
        int n;
        try {
            n = Integer.parseInt(args.get(1));
        } catch (NumberFormatException e) {
            throw new CommandException("not a session number: " + args.get(1));
        }
        if (n < 0 || n >= flow.sessions().size()) {
            throw new CommandException("no TLS session " + n + ": sessions are 0 to " + (flow.sessions().size() - 1));
        }
        shell.console().print(flow.render(n));
    }

    /** The TLS flow of the whole capture: from the last full pass when there was one, else after one. */
    static TlsFlow flow(Shell shell, LoadedCapture c) throws Exception {
        int size = c.index(shell.progress(), shell.cancel()).size();
        Replay replay = c.replay(shell.session().registry());
        if (replay.dissection() == null || replay.position() <= size) {
            replay.all(new dev.dorsal.engine.dissect.DissectionOptions(false, shell.session().scriptInterest(), false, true),
                    p -> c.inView(p.frame().number()), shell.progress(), shell.cancel());
        }
        Dissection d = replay.dissection();
        return d == null ? null : d.state(TlsFlow.KEY);
    }
}
