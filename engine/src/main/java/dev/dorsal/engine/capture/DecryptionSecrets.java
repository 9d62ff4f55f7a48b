package dev.dorsal.engine.capture;

import java.nio.charset.StandardCharsets;

/**
 * The payload of a pcapng Decryption Secrets Block, kept as found for the TLS and WireGuard decoders.
 *
 * @param secretsType the DSB secrets type, e.g. {@link #TLS_KEY_LOG}
 * @param data the secrets bytes without padding (for TLS: NSS key log lines)
 */
public record DecryptionSecrets(int secretsType, byte[] data) {

    /** 'TLSK': an NSS SSLKEYLOGFILE text. */
    public static final int TLS_KEY_LOG = 0x544c534b;
    /** 'SSHK': an SSH key log. */
    public static final int SSH_KEY_LOG = 0x5353484b;
    /** 'WGKL': a WireGuard key log. */
    public static final int WIREGUARD_KEY_LOG = 0x57474b4c;
    /** 'ZNWK': Zigbee network keys. */
    public static final int ZIGBEE_NWK_KEY = 0x5a4e574b;
    /** 'ZAPS': Zigbee APS keys. */
    public static final int ZIGBEE_APS_KEY = 0x5a415053;

    /** Decodes the secrets as UTF-8 text, the form key logs take. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
