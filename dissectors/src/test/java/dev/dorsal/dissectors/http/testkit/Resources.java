package dev.dorsal.dissectors.http.testkit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds test resources (gzip'd captures and oracle files) on the test class path. */
public final class Resources {
    private Resources() {}

    /** The resource {@code name} (e.g. {@code "dns/dns_udp.pcap.gz"}), or null when it is not there. */
    public static Path find(String name) {
        URL url = Resources.class.getResource("/" + name);
        if (url == null) {
            return null;
        }
        try {
            Path p = Path.of(url.toURI());
            return Files.exists(p) ? p : null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource {@code name}; fails when it is missing. */
    public static Path get(String name) {
        Path p = find(name);
        if (p == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return p;
    }

    /** The oracle file of {@code capture} with {@code suffix}, official or generated locally, or null. */
    public static Path oracle(String dir, String capture, String suffix) {
        Path p = find(dir + "/" + capture + "." + suffix + ".gz");
        return p != null ? p : find(dir + "/" + capture + ".local." + suffix + ".gz");
    }
}
