package dev.dorsal.dissectors.ssh;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one SSH conversation (one TCP stream): the protocol version the client announced,
 * the key exchange method both KEXINITs agree on, and each side's {@link SshPeer}. Per capture, via
 * {@link PacketInfo#state}; found by {@code tcp.stream}, so a reused port starts afresh as in tshark.
 *
 * <p>Two passes (tshark -2): the first pass hands each conversation, as it ended, to the second
 * ({@link dev.dorsal.engine.spi.PassLinks#learnObject}), which dissects every frame against that end
 * state the way tshark revisits frames: changes tshark guards with "not visited" are skipped, and the
 * records it decrypted are found again by frame and offset rather than decrypted anew.
 *
 * <p>Bounded: at most {@value #MAX_CONVERSATIONS} conversations (least recently used dropped first;
 * one that comes back starts afresh, as if the capture began there), and at most
 * {@value #MAX_RECORDS} remembered encrypted records per capture for a second pass (past that, the
 * second pass counts such records anew).
 */
final class SshConversation {
    static final int VERSION_UNKNOWN = 0;
    static final int VERSION_1 = 1;
    static final int VERSION_2 = 2;

    /** Most conversations tracked at once. */
    static final int MAX_CONVERSATIONS = 100_000;
    /** Most encrypted records remembered per capture for a second pass. */
    static final int MAX_RECORDS = 1_000_000;

    private static final Key<Registry> KEY = Key.of("ssh.conversations");
    private static final String LEARNED = "ssh.conversation";

    /** Which messages 30 to 39 mean: tshark picks the dissector by the agreed key exchange method. */
    enum KexKind { DH, DH_GEX, ECDH }

    /** An encrypted record tshark remembers by frame and offset, with what decrypting it gave. */
    static final class Record {
        final int id;
        final int sequenceNumber;
        byte[] plain;
        byte[] calcMac;

        Record(int id, int sequenceNumber) {
            this.id = id;
            this.sequenceNumber = sequenceNumber;
        }
    }

    final long id;
    int version = VERSION_UNKNOWN;
    String kex;
    KexKind kexKind = KexKind.DH;
    final SshPeer client = new SshPeer();
    final SshPeer server = new SshPeer();

    /** Records by frame: every frame's in a first pass of two, else only the current frame's. */
    private final Map<Long, List<Record>> records = new HashMap<>();
    private long recordsFrame = -1;
    private boolean keepAll;

    SshConversation(long id) {
        this.id = id;
    }

    SshPeer peer(boolean fromServer) {
        return fromServer ? server : client;
    }

    /**
     * The record at {@code id} (frame-relative offset of its first byte) of frame {@code frame}, made
     * with {@code peer}'s next sequence number when new: tshark counts a record once, however often
     * it is dissected.
     */
    Record record(Registry registry, long frame, int id, SshPeer peer) {
        if (!keepAll && frame != recordsFrame) {
            records.clear();
        }
        recordsFrame = frame;
        List<Record> list = records.computeIfAbsent(frame, f -> new ArrayList<>(2));
        for (Record r : list) {
            if (r.id == id) {
                return r;
            }
        }
        Record r = new Record(id, peer.sequenceNumber++);
        if (!keepAll || registry.records++ < MAX_RECORDS) {
            list.add(r);
        }
        return r;
    }

    /** The per-capture table of conversations. */
    static final class Registry {
        private long records;
        private final Map<Object, SshConversation> byStream = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SshConversation> eldest) {
                return size() > MAX_CONVERSATIONS;
            }
        };

        /**
         * The conversation of the packet's TCP stream, created on first use (in a second pass, the one
         * the first pass ended with). {@code visited} tells the caller which of the two it got.
         */
        SshConversation find(PacketInfo pinfo) {
            long stream = TcpPdus.stream(pinfo);
            Object key = stream >= 0 ? stream : tuple(pinfo);
            SshConversation c = byStream.get(key);
            if (c == null) {
                long id = stream >= 0 ? stream : -1 - byStream.size();
                Object learned = pinfo.links().recallObject(LEARNED, id);
                if (learned instanceof SshConversation s) {
                    c = s;
                } else {
                    c = new SshConversation(id);
                    c.keepAll = pinfo.links().learning();
                }
                byStream.put(key, c);
                pinfo.links().learnObject(LEARNED, id, c);
            }
            return c;
        }

        private static Object tuple(PacketInfo pinfo) {
            Address a = pinfo.netSrc();
            Address b = pinfo.netDst();
            int pa = pinfo.srcPort();
            int pb = pinfo.dstPort();
            int c = Arrays.compareUnsigned(a.bytes(), b.bytes());
            return c < 0 || (c == 0 && pa <= pb) ? List.of(a, pa, b, pb) : List.of(b, pb, a, pa);
        }
    }

    static Registry registry(PacketInfo pinfo) {
        return pinfo.state(KEY, Registry::new);
    }
}
