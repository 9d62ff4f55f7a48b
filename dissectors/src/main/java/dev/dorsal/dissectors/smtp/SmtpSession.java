package dev.dorsal.dissectors.smtp;

import dev.dorsal.dissectors.tcp.TcpPdus;
import dev.dorsal.dissectors.text.MessageFragments;
import dev.dorsal.engine.spi.Key;
import dev.dorsal.engine.spi.PacketInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one SMTP connection (one {@code tcp.stream}): reading commands or message data, the
 * AUTH exchange and the frames it marked, and each client frame's kind (command, message data, end
 * of message) fixed when it is first seen. Per capture, via {@link PacketInfo#state}.
 *
 * <p>Bounded: at most {@value #MAX_SESSIONS} connections (least recently used dropped first) and
 * {@value #MAX_FRAMES} remembered frame kinds and completed messages per connection (oldest dropped
 * first); {@value #MAX_MESSAGE_BYTES} bytes of one message are kept for IMF.
 */
final class SmtpSession {
    static final int MAX_SESSIONS = 10_000;
    static final int MAX_FRAMES = 100_000;

    enum State { READING_CMDS, READING_DATA, AWAITING_STARTTLS_RESPONSE }

    enum Auth {
        NONE, START, USERNAME_REQ, USERNAME_RSP, PASSWORD_REQ, PASSWORD_RSP, PLAIN_START_REQ, PLAIN_CRED_REQ,
        PLAIN_REQ, PLAIN_RSP, NTLM_REQ, NTLM_CHALLENGE, NTLM_RSP, SUCCESS, FAILED
    }

    enum Pdu { CMD, MESSAGE, EOM }

    private static final Key<Map<Long, SmtpSession>> KEY = Key.of("smtp.sessions");

    State state = State.READING_CMDS;
    Auth auth = Auth.NONE;
    boolean crlfSeen;
    boolean dataSeen;
    long msgReadLen;
    long msgTotLen;
    boolean msgLast = true;
    long firstAuthFrame;
    long lastAuthFrame;
    long usernameFrame;
    long passwordFrame;
    long usernameCmdFrame;
    long userPassCmdFrame;
    long userPassFrame;
    long ntlmReqFrame;
    long ntlmRspFrame;
    /** At most this many bytes of one message are kept for IMF (later data frames are listed, not kept). */
    static final int MAX_MESSAGE_BYTES = 16 << 20;

    /** A message joined from its data frames: the frames and lengths, and the bytes IMF reads. */
    record Message(java.util.List<MessageFragments.Fragment> fragments, byte[] bytes) {}

    /** Client frames of message data not yet reassembled (at most {@value #MAX_FRAMES}). */
    final java.util.List<Long> fragments = new java.util.ArrayList<>();
    /** The bytes of {@link #fragments}, in the same order. */
    final java.util.List<byte[]> fragmentBytes = new java.util.ArrayList<>();
    /** The reported lengths of {@link #fragments}, in the same order. */
    final java.util.List<Integer> fragmentLengths = new java.util.ArrayList<>();
    long fragmentByteCount;
    /** The messages completed so far, by the frame that completed them (at most {@value #MAX_FRAMES}). */
    final Map<Long, Message> messages = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Message> eldest) {
            return size() > MAX_FRAMES;
        }
    };
    /** The frame's data ends the message (BDAT ... LAST fully read), as tshark's more_frags false. */
    final java.util.Set<Long> lastFragment = new java.util.HashSet<>();
    final Map<Long, Pdu> frames = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Pdu> eldest) {
            return size() > MAX_FRAMES;
        }
    };

    static SmtpSession of(PacketInfo pinfo) {
        Map<Long, SmtpSession> table = pinfo.state(KEY, () -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, SmtpSession> eldest) {
                return size() > MAX_SESSIONS;
            }
        });
        return table.computeIfAbsent(TcpPdus.stream(pinfo), s -> new SmtpSession());
    }

}
