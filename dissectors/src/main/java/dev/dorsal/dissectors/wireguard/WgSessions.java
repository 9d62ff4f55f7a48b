package dev.dorsal.dissectors.wireguard;

import dev.dorsal.dissectors.conversation.AnnouncedConversations;
import dev.dorsal.dissectors.udp.UdpDissector;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.PassLinks;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WireGuard sessions as tshark links them without keys, while the capture is read. Each handshake
 * initiation starts a session (the next stream index) between its source, the initiator, and its
 * destination. The first handshake response or cookie reply sent to the initiator's address and port
 * with the initiator's sender index as receiver answers it (its source is not checked); a response
 * makes its source the responder. Transport data belongs to the latest answered session known by its
 * receiver index that it is sent to, at either end (address and port), and that end's peer moves to
 * the data's source, so a peer that roams is followed. A second pass ({@code -2}) also shows, on an
 * initiation, the frame that answered it.
 *
 * <p>State is per capture and bounded: at most {@value #MAX_INDEXES} sender indexes are remembered, the
 * least recently used dropped first, each with its {@value #MAX_PER_INDEX} latest sessions.
 */
final class WgSessions {
    static final int MAX_INDEXES = 100_000;
    static final int MAX_PER_INDEX = 8;

    static final FieldDef STREAM = FieldDef.uint32("wg.stream", "Stream index")
            .blurb("Identifies a session in this capture file");
    static final FieldDef RESPONSE_IN = FieldDef.framenum("wg.response_in", "Response in Frame")
            .blurb("The response to this initiation message is in this frame");
    static final FieldDef RESPONSE_TO = FieldDef.framenum("wg.response_to", "Response to Frame")
            .blurb("This is a response to the initiation message in this frame");

    private static final Key<WgSessions> KEY = Key.of("wg.sessions");
    /** Learned stream indexes are stored plus one: 0 means "nothing learned". */
    private static final String STREAM_KIND = STREAM.abbrev();
    private static final String CONVERSATIONS = "wg.conversations";

    /** One end of a session: an address and a UDP port. */
    private record End(Address address, int port) {}

    private static final class Session {
        final long stream;
        final long initiationFrame;
        long responseFrame;
        End initiator;
        End responder;

        Session(long stream, long initiationFrame, End initiator, End responder) {
            this.stream = stream;
            this.initiationFrame = initiationFrame;
            this.initiator = initiator;
            this.responder = responder;
        }
    }

    private final Map<Long, Deque<Session>> byIndex = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Deque<Session>> eldest) {
            return size() > MAX_INDEXES;
        }
    };
    private long streams;
    /** The conversations a first pass of two saw an initiation in, handed to the second. */
    private Conversations conversations;

    private WgSessions() {}

    /**
     * A handshake initiation makes its UDP conversation WireGuard's from now on, as soon as it is taken
     * (a message cut short too), in each pass (the second starts from fresh state); a second pass
     * knows the conversation from its start, as tshark's conversation does.
     */
    static void claimConversation(PacketInfo pinfo) {
        AnnouncedConversations.Announced known = UdpDissector.ANNOUNCED.find(pinfo, pinfo.srcPort(), pinfo.dstPort());
        if (known == null || known.handle().protocol() != WireGuardDissector.PROTO) {
            UdpDissector.ANNOUNCED.announce(pinfo, pinfo.netSrc(), pinfo.srcPort(), pinfo.netDst(), pinfo.dstPort(),
                    pinfo.tables().handle(WireGuardDissector.HANDLE), null);
        }
        PassLinks links = pinfo.links();
        if (links.learning()) {
            WgSessions state = pinfo.state(KEY, WgSessions::new);
            if (state.conversations == null) {
                state.conversations = new Conversations();
                links.learnObject(CONVERSATIONS, 0, state.conversations);
            }
            state.conversations.add(Conversations.key(pinfo));
        }
    }

    /** A handshake initiation: a new session, shown with its stream index (and its answer, with -2). */
    static void initiation(PacketInfo pinfo, ProtoItem wg, Tvb tvb, long sender) {
        PassLinks links = pinfo.links();
        long frame = pinfo.number();
        long stream;
        if (links.secondPass()) {
            stream = links.recall(STREAM_KIND, frame) - 1;
        } else {
            WgSessions state = pinfo.state(KEY, WgSessions::new);
            Session s = new Session(state.streams++, frame, src(pinfo), dst(pinfo));
            state.add(sender, s);
            stream = s.stream;
            links.learn(STREAM_KIND, frame, stream + 1);
        }
        generated(wg, wg.addUint(STREAM, tvb, 0, 0, stream));
        long answer = links.recall(RESPONSE_IN.abbrev(), frame);
        if (answer != 0) {
            generated(wg, wg.addUint(RESPONSE_IN, tvb, 0, 0, answer));
        }
    }

    /** A handshake response ({@code response}) or a cookie reply: the initiation it answers, if found. */
    static void response(PacketInfo pinfo, ProtoItem wg, Tvb tvb, long sender, long receiver, boolean response) {
        PassLinks links = pinfo.links();
        long frame = pinfo.number();
        long stream;
        long initiation;
        if (links.secondPass()) {
            stream = links.recall(STREAM_KIND, frame) - 1;
            initiation = links.recall(RESPONSE_TO.abbrev(), frame);
        } else {
            WgSessions state = pinfo.state(KEY, WgSessions::new);
            Session s = state.unanswered(receiver, dst(pinfo));
            if (s == null) {
                return;
            }
            s.responseFrame = frame;
            if (response) {
                s.responder = src(pinfo);
                state.add(sender, s);
            }
            stream = s.stream;
            initiation = s.initiationFrame;
            links.learn(STREAM_KIND, frame, stream + 1);
            links.learn(RESPONSE_TO.abbrev(), frame, initiation);
            links.learn(RESPONSE_IN.abbrev(), initiation, frame);
        }
        if (stream < 0) {
            return;
        }
        generated(wg, wg.addUint(STREAM, tvb, 0, 0, stream));
        generated(wg, wg.addUint(RESPONSE_TO, tvb, 0, 0, initiation));
    }

    /** Transport data: the stream of its session, if found. */
    static void transportData(PacketInfo pinfo, ProtoItem wg, Tvb tvb, long receiver) {
        PassLinks links = pinfo.links();
        long frame = pinfo.number();
        long stream;
        if (links.secondPass()) {
            stream = links.recall(STREAM_KIND, frame) - 1;
        } else {
            WgSessions state = pinfo.state(KEY, WgSessions::new);
            Session s = state.answered(receiver, pinfo);
            if (s == null) {
                return;
            }
            stream = s.stream;
            links.learn(STREAM_KIND, frame, stream + 1);
        }
        if (stream >= 0) {
            generated(wg, wg.addUint(STREAM, tvb, 0, 0, stream));
        }
    }

    private void add(long index, Session s) {
        Deque<Session> sessions = byIndex.computeIfAbsent(index, k -> new ArrayDeque<>());
        sessions.remove(s);
        sessions.addFirst(s);
        if (sessions.size() > MAX_PER_INDEX) {
            sessions.removeLast();
        }
    }

    /** The latest unanswered session of {@code index} whose initiator is {@code to}. */
    private Session unanswered(long index, End to) {
        Deque<Session> sessions = byIndex.get(index);
        if (sessions == null) {
            return null;
        }
        for (Session s : sessions) {
            if (s.responseFrame == 0 && s.initiator.equals(to)) {
                return s;
            }
        }
        return null;
    }

    /** The latest answered session of {@code index} with an end where the packet goes; that end's peer roams. */
    private Session answered(long index, PacketInfo pinfo) {
        Deque<Session> sessions = byIndex.get(index);
        if (sessions == null) {
            return null;
        }
        End to = dst(pinfo);
        for (Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (s.responseFrame == 0) {
                continue;
            }
            if (s.initiator.equals(to)) {
                s.responder = src(pinfo);
                return s;
            }
            if (s.responder.equals(to)) {
                s.initiator = src(pinfo);
                return s;
            }
        }
        return null;
    }

    /**
     * Whether a second pass knows the packet's UDP conversation as WireGuard's: a handshake
     * initiation made it so somewhere in the first pass.
     */
    static boolean knownConversation(PacketInfo pinfo) {
        PassLinks links = pinfo.links();
        if (!links.secondPass()) {
            return false;
        }
        Conversations learned = (Conversations) links.recallObject(CONVERSATIONS, 0);
        return learned != null && learned.contains(Conversations.key(pinfo));
    }

    /** The UDP conversations the first pass saw a handshake initiation in; bounded as the sessions are. */
    private static final class Conversations extends java.util.LinkedHashSet<List<Object>> {
        static List<Object> key(PacketInfo pinfo) {
            End a = new End(pinfo.netSrc(), pinfo.srcPort());
            End b = new End(pinfo.netDst(), pinfo.dstPort());
            int c = java.util.Arrays.compare(a.address().bytes(), b.address().bytes());
            return c < 0 || (c == 0 && a.port() <= b.port()) ? List.of(a, b) : List.of(b, a);
        }

        @Override
        public boolean add(List<Object> key) {
            if (size() >= MAX_INDEXES && !contains(key)) {
                return false;
            }
            return super.add(key);
        }
    }

    private static End src(PacketInfo pinfo) {
        return new End(pinfo.src(), pinfo.srcPort());
    }

    private static End dst(PacketInfo pinfo) {
        return new End(pinfo.dst(), pinfo.dstPort());
    }

    private static void generated(ProtoItem parent, ProtoItem item) {
        if (item != parent) {
            item.setGenerated();
        }
    }
}
