package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.output.FieldValues;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.stats.StatsException;
import dev.dorsal.engine.stats.Tap;
import dev.dorsal.engine.stats.Taps;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Replay;
import dev.dorsal.shell.session.TapRun;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code follow tcp|udp|tls N|ADDRESSES|FILTER [ascii|hex|raw]}: the payload of one stream, as -z follow. */
public final class FollowCommand implements Command {
    private static final Set<String> MODES = Set.of("ascii", "hex", "raw", "ebcdic", "yaml");
    /** tshark's address pair, {@code 10.0.0.1:80,10.0.0.2:5000} or with [IPv6] addresses. */
    private static final Pattern ADDRESSES = Pattern.compile("(\\[[^]]+]|[0-9.]+):\\d+,(\\[[^]]+]|[0-9.]+):\\d+");

    @Override public String name() { return "follow"; }
    @Override public String usage() { return "follow tcp|udp|tls N|ADDR:PORT,ADDR:PORT|FILTER [ascii|hex|raw]"; }
    @Override public String summary() { return "the payload of one stream, the same text as tshark -z follow"; }
    @Override public ArgKind argKind() { return ArgKind.WORDS; }
    @Override public List<String> words() { return List.of("tcp", "udp", "tls"); }

    @Override
    public String help() {
        return """
                Prints both sides of one conversation as tshark -z follow,PROTO,MODE,... does. The stream is a
                stream number (tcp.stream / udp.stream), tshark's address pair (10.0.0.1:80,10.0.0.2:5000),
                or a display filter: the stream of the first frame in the view that matches it
                (follow tcp http.request). MODE is ascii (default), hex or raw.""";
    }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() < 2) {
            throw new CommandException("usage: " + usage());
        }
        String proto = args.get(0);
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("tls")) {
            throw new CommandException("follow: tcp, udp or tls, not " + proto);
        }
        String mode = "ascii";
        String target = args.after(1);
        String last = args.get(args.size() - 1);
        if (args.size() > 2 && MODES.contains(last)) {
            mode = last;
            target = target.substring(0, target.length() - last.length()).strip();
        }
        LoadedCapture c = shell.capture();
        String selector;
        if (target.matches("\\d+")) {
            selector = target;
        } else if (ADDRESSES.matcher(target).matches()) {
            selector = target;
        } else {
            selector = Long.toString(streamOf(shell, c, proto.equals("tls") ? "tcp" : proto, target));
        }
        Tap tap;
        try {
            tap = Taps.parse("follow," + proto + "," + mode + "," + selector, shell.session().registry());
        } catch (StatsException e) {
            throw new CommandException(e.getMessage().replace("tshark: ", ""));
        }
        shell.console().print(TapRun.run(c, List.of(tap), shell.session(), shell.progress(), shell.cancel()));
    }

    /** The stream number of the first frame in the view matching {@code filterText}. */
    private static long streamOf(Shell shell, LoadedCapture c, String proto, String filterText) throws Exception {
        DisplayFilter f = shell.compile(filterText);
        String streamField = proto + ".stream";
        BitSet interest = new BitSet();
        f.fieldsUsed().forEach(d -> interest.set(Math.max(0, d.id())));
        shell.session().registry().fields().lookup(streamField).forEach(d -> interest.set(d.id()));
        DissectionOptions options = new DissectionOptions(false, interest, false, true);
        Replay replay = c.replay(shell.session().registry());
        int size = c.index(shell.progress(), shell.cancel()).size();
        for (long n = 1; n <= size; n++) {
            if (!c.inView(n)) {
                continue;
            }
            DissectedPacket p = replay.dissect(n, options, shell.progress(), shell.cancel());
            if (f.matches(p)) {
                ProtoItem s = FieldValues.first(p.tree(), streamField);
                if (s != null) {
                    return s.num();
                }
            }
        }
        throw new CommandException("no frame in the view matches " + filterText + " with a " + streamField);
    }
}
