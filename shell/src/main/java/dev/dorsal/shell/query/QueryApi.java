package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.engine.filter.FilterException;
import dev.dorsal.engine.stats.StatsException;
import dev.dorsal.engine.stats.Tap;
import dev.dorsal.engine.stats.Taps;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Session;
import dev.dorsal.shell.session.TapRun;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;

/**
 * The host side of the query prelude (query.js): what {@code capture}, {@code on} and {@code exit}
 * call. Scripts never see this object directly; the prelude wraps it in the documented API.
 */
public final class QueryApi {
    /** Streams whose data one pass collects when a script first asks for the data of one of them. */
    private static final int STREAMS_PER_PASS = 32;

    private final QueryHost host;
    private final Session session;
    private final List<String> args;
    private List<LoadedCapture> captures = List.of();
    private final Map<String, List<String>> handlers = new LinkedHashMap<>();
    private final Map<String, String> streamData = new LinkedHashMap<>();

    QueryApi(QueryHost host, Session session, List<String> args) {
        this.host = host;
        this.session = session;
        this.args = List.copyOf(args);
    }

    void bind(List<LoadedCapture> list) {
        this.captures = List.copyOf(list);
        streamData.clear();
    }

    @Export public String[] args() { return args.toArray(String[]::new); }
    @Export public int captureCount() { return captures.size(); }
    @Export public String captureName(int i) { return capture(i).name(); }
    @Export public String capturePath(int i) { return capture(i).path().toString(); }

    @Export
    public double captureFrames(int i) {
        host.hostEnter();
        try {
            return capture(i).index(host.progress(), host.cancelToken()).size();
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /** The frames of capture {@code i} that pass {@code filter} (null or "" for all), lazily. */
    @Export
    public PacketCursor packets(int i, String filter) {
        host.hostEnter();
        try {
            return new PacketCursor(host, session.registry(), capture(i), compile(filter), session.scriptInterest());
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /** Streams of {@code proto} (tcp or udp) with a frame passing {@code filter}: JSON for the prelude. */
    @Export
    public String streams(int i, String proto, String filter) {
        requireProto(proto);
        host.hostEnter();
        try {
            return Streams.list(capture(i), proto, compile(filter), session, host.progress(), host.cancelToken());
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /**
     * The payload of stream {@code stream} as tshark's follow puts it in order: direction 0 from the
     * client (the side of the first frame), 1 from the server, -1 both in capture order. One byte per
     * character (ISO-8859-1), so binary data survives.
     */
    @Export
    public String streamData(int i, String proto, double stream, int direction, String nextStreams) {
        requireProto(proto);
        String key = i + "/" + proto + "/" + (long) stream;
        if (!streamData.containsKey(key)) {
            List<Long> batch = new ArrayList<>();
            batch.add((long) stream);
            for (String s : nextStreams.split(",")) {
                if (!s.isEmpty() && batch.size() < STREAMS_PER_PASS && !streamData.containsKey(i + "/" + proto + "/" + s)) {
                    batch.add(Long.parseLong(s));
                }
            }
            follow(i, proto, batch);
        }
        String raw = streamData.get(key);
        StringBuilder sb = new StringBuilder();
        for (String line : raw.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            boolean server = line.charAt(0) == '\t';
            if (direction == -1 || (direction == 1) == server) {
                byte[] b = HexFormat.of().parseHex(line.strip());
                for (byte x : b) {
                    sb.append((char) (x & 0xff));
                }
            }
        }
        return sb.toString();
    }

    /** Runs one follow tap per stream of {@code batch} in a single pass and keeps their data lines. */
    private void follow(int i, String proto, List<Long> batch) {
        host.hostEnter();
        try {
            List<Tap> taps = new ArrayList<>();
            for (long s : batch) {
                taps.add(Taps.parse("follow," + proto + ",raw," + s, session.registry()));
            }
            String all = TapRun.run(capture(i), taps, session, host.progress(), host.cancelToken());
            List<String> reports = splitReports(all);
            for (int r = 0; r < reports.size() && r < batch.size(); r++) {
                // The reports come last tap first, as tshark prints them.
                streamData.put(i + "/" + proto + "/" + batch.get(batch.size() - 1 - r), followLines(reports.get(r)));
            }
        } catch (StatsException e) {
            throw new QueryHost.QueryError(e.getMessage().replace("tshark: ", ""));
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /** Splits consecutive follow reports (each framed by lines of '=' before "Follow:" and at its end). */
    private static List<String> splitReports(String text) {
        List<String> out = new ArrayList<>();
        String[] parts = text.split("(?m)^=+\\n(?=Follow:)");
        for (String p : parts) {
            if (p.startsWith("Follow:")) {
                out.add(p);
            }
        }
        return out;
    }

    /** The data lines of a raw follow report (node 1's lines start with a tab). */
    private static String followLines(String report) {
        StringBuilder sb = new StringBuilder();
        for (String line : report.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || line.startsWith("=") || t.startsWith("Follow:") || t.startsWith("Filter:")
                    || t.startsWith("Node ") || t.startsWith("(")) {
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** Conversations of {@code kind} (ip, ipv6, tcp, udp) among frames passing {@code filter}: JSON. */
    @Export
    public String conversations(int i, String kind, String filter) {
        if (!List.of("ip", "ipv6", "tcp", "udp").contains(kind)) {
            throw new QueryHost.QueryError("conversations: ip, ipv6, tcp or udp, not " + kind);
        }
        host.hostEnter();
        try {
            return Conversations.json(capture(i), kind, compile(filter), session, host.progress(), host.cancelToken());
        } catch (CaptureFileException e) {
            throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
        } finally {
            host.hostExit();
        }
    }

    /** Registers an event callback (the prelude keeps the function; this records event and filter). */
    @Export
    public void on(String event, String filter) {
        if (!Events.NAMES.contains(event)) {
            throw new QueryHost.QueryError("on: unknown event \"" + event + "\"; events: " + String.join(", ", Events.NAMES));
        }
        if (filter != null && !filter.isEmpty()) {
            compile(filter);
        }
        handlers.computeIfAbsent(event, k -> new ArrayList<>()).add(filter == null ? "" : filter);
    }

    @Export
    public void exit(int code) {
        throw new QueryHost.ScriptExit(code);
    }

    /** After the script's top level: one pass per capture feeding the registered callbacks. */
    void runEvents() {
        if (handlers.isEmpty()) {
            return;
        }
        Map<String, List<String>> registered = new LinkedHashMap<>(handlers);
        handlers.clear();
        boolean onlyEnd = registered.size() == 1 && registered.containsKey("end");
        for (int i = 0; i < captures.size() && !onlyEnd; i++) {
            host.hostEnter();
            try {
                Events.run(host, captures.get(i), i, registered, session);
            } catch (CaptureFileException e) {
                throw new QueryHost.QueryError(e.tsharkMessage().replace("tshark: ", ""));
            } finally {
                host.hostExit();
            }
        }
        if (registered.containsKey("end")) {
            host.callback("end", "{}", null);
        }
    }

    DisplayFilter compile(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return DisplayFilter.compile(filter, session.registry().fields());
        } catch (FilterException e) {
            throw new QueryHost.QueryError("filter \"" + filter + "\": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private LoadedCapture capture(int i) {
        if (i < 0 || i >= captures.size()) {
            throw new QueryHost.QueryError(captures.isEmpty() ? "no capture open (open FILE in the shell, or give files to dorsal run)"
                    : "no capture " + i);
        }
        return captures.get(i);
    }

    private static void requireProto(String proto) {
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new QueryHost.QueryError("streams: tcp or udp, not " + proto);
        }
    }
}
