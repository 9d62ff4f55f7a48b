package dev.dorsal.engine.spi;

/**
 * One decrypted record as a dissector queues it for follow taps ({@link PacketInfo#queueTap}): its
 * plaintext, and whether it is application data (what a follow shows) or a protocol message such as a
 * handshake or an alert (which only tells the tap that this packet carried decrypted records).
 *
 * @param applicationData true for application payload, false for the protocol's own messages
 * @param bytes the plaintext
 */
public record FollowData(boolean applicationData, byte[] bytes) {}
