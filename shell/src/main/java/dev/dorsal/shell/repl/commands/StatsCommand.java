package dev.dorsal.shell.repl.commands;

import dev.dorsal.engine.stats.StatsException;
import dev.dorsal.engine.stats.Tap;
import dev.dorsal.engine.stats.Taps;
import dev.dorsal.shell.repl.Args;
import dev.dorsal.shell.repl.Command;
import dev.dorsal.shell.repl.CommandException;
import dev.dorsal.shell.repl.Shell;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.TapRun;
import java.util.List;

/**
 * The statistics commands ({@code conv}, {@code endpoints}, {@code phs}, {@code expert}): each runs
 * the tshark {@code -z} tap of the same name over the current capture, limited to the frames the
 * current filter keeps (as {@code -z conv,tcp,FILTER}), and prints its report unchanged.
 */
public final class StatsCommand implements Command {
    private final String name;
    private final String usage;
    private final String summary;
    private final String help;
    private final List<String> words;
    private final String defaultWord;
    private final String tapPrefix;

    private StatsCommand(String name, String usage, String summary, String help, List<String> words,
            String defaultWord, String tapPrefix) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
        this.help = help;
        this.words = words;
        this.defaultWord = defaultWord;
        this.tapPrefix = tapPrefix;
    }

    public static StatsCommand conv() {
        return new StatsCommand("conv", "conv [eth|ip|ipv6|tcp|udp]", "conversations (tshark -z conv), tcp by default",
                "Conversations of one kind between the frames in the view: tshark -z conv,KIND[,FILTER].",
                List.of("eth", "ip", "ipv6", "tcp", "udp"), "tcp", "conv,");
    }

    public static StatsCommand endpoints() {
        return new StatsCommand("endpoints", "endpoints [eth|ip|ipv6|tcp|udp]", "endpoints (tshark -z endpoints), tcp by default",
                "Endpoints of one kind in the frames in the view: tshark -z endpoints,KIND[,FILTER].",
                List.of("eth", "ip", "ipv6", "tcp", "udp"), "tcp", "endpoints,");
    }

    public static StatsCommand phs() {
        return new StatsCommand("phs", "phs", "protocol hierarchy (tshark -z io,phs)",
                "The protocol hierarchy of the frames in the view: tshark -z io,phs[,FILTER].", List.of(), null, "io,phs");
    }

    public static StatsCommand expert() {
        return new StatsCommand("expert", "expert [error|warn|note|chat|comment]", "expert infos (tshark -z expert)",
                "Expert infos of the frames in the view, from the given severity up: tshark -z expert[,LEVEL][,FILTER].",
                List.of("error", "warn", "note", "chat", "comment"), "", "expert");
    }

    @Override public String name() { return name; }
    @Override public String usage() { return usage; }
    @Override public String summary() { return summary; }
    @Override public String help() { return help; }
    @Override public ArgKind argKind() { return words.isEmpty() ? ArgKind.NONE : ArgKind.WORDS; }
    @Override public List<String> words() { return words; }

    @Override
    public void run(Shell shell, Args args) throws Exception {
        if (args.size() > 1 || (!args.isEmpty() && !words.contains(args.get(0)))) {
            throw new CommandException("usage: " + usage);
        }
        LoadedCapture c = shell.capture();
        String word = args.isEmpty() ? defaultWord : args.get(0);
        String z = tapPrefix;
        if (word != null && !word.isEmpty()) {
            z += (tapPrefix.endsWith(",") ? "" : ",") + word;
        }
        if (c.filter() != null) {
            z += "," + c.filter().text();
        }
        Tap tap;
        try {
            tap = Taps.parse(z, shell.session().registry());
        } catch (StatsException e) {
            throw new CommandException(e.getMessage().replace("tshark: ", ""));
        }
        shell.console().print(TapRun.run(c, List.of(tap), shell.session(), shell.progress(), shell.cancel()));
    }
}
