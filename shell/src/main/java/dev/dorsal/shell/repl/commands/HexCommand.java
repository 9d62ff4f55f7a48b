package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.output.HexDumpFormatter;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;

/** {@code hex N}: the bytes of frame N as tshark -x dumps them. */
public final class HexCommand implements Command {
    @Override public String name() { return "hex"; }
    @Override public String usage() { return "hex N"; }
    @Override public String summary() { return "hex and ASCII dump of frame N (tshark -x), reassembled data included"; }

    @Override
    public String help() {
        return "Prints frame N's bytes as tshark -x does: the frame, then every reassembled or decrypted buffer.";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        long n = ShowCommand.frameNumber(args.get(0));
        DissectedPacket p = ShowCommand.dissect(shell, shell.capture(), n, shell.summaryOptions());
        StringBuilder sb = new StringBuilder();
        new HexDumpFormatter().packet(p, sb);
        shell.console().print(sb);
    }
}
