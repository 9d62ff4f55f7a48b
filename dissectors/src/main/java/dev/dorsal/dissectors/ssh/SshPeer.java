package dev.dorsal.dissectors.ssh;

/**
 * What SSH knows of one side of a conversation, as tshark 4.0.17 keeps it: the frames its version
 * line and key exchange started and ended in, its KEXINIT proposals, the algorithms chosen for what it
 * sends, and its message counter. Frame numbers are 0 until known.
 *
 * <p>The counters copy tshark's: {@code sequenceNumber} counts this side's messages as tshark counts
 * them (one per key exchange message, one per encrypted record), and each {@code seq*} field holds the
 * number shown for that key exchange message (some taken before the increment, some after, as tshark
 * does). The zero-key {@link SshCipher} reads the counter as the record's sequence number.
 */
final class SshPeer {
    long frameVersionStart;
    long frameVersionEnd;
    long frameKeyStart;
    long frameKeyEnd;
    /** Offset after the NEWKEYS message code in {@link #frameKeyEnd}: data from there on is encrypted. */
    int frameKeyEndOffset;

    String kexProposal;
    /** The proposals of this side's KEXINIT, client-to-server at 0 and server-to-client at 1. */
    final String[] encProposals = new String[2];
    final String[] macProposals = new String[2];
    final String[] compProposals = new String[2];

    /** Algorithms chosen for the data this side sends (null until a key exchange reply chose them). */
    String enc;
    String mac;
    String comp;
    /** MAC bytes after each encrypted packet, -1 when unknown. */
    int macLength = -1;
    /** The packet length is sent in clear (encrypt-then-MAC and GCM). */
    boolean lengthIsPlaintext;
    /** What tshark decrypts with, chosen with {@link #enc}; null when it cannot. */
    SshCipher.Kind cipherKind;
    /** Set up at this side's NEWKEYS when {@link #cipherKind} is known then. */
    SshCipher cipher;
    /** The negotiated MAC is hmac-sha2-256, the only one tshark verifies. */
    boolean macSha256;

    int sequenceNumber;
    int seqKexInit;
    int seqGexRequest;
    int seqGexGroup;
    int seqGexInit;
    int seqGexReply;
    int seqEcdhInit;
    int seqEcdhReply;
    int seqDhInit;
    int seqDhReply;
    int seqNewKeys;
}
