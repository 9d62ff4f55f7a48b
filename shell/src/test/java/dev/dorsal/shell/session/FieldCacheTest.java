package dev.dorsal.shell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.filter.DisplayFilter;
import dev.dorsal.shell.cli.SharedRegistry;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filters answered from cached values keep exactly the frames a dissection pass keeps, and the cache
 * answers only what it can.
 */
class FieldCacheTest {
    private static final Path CAPTURES = Path.of("src", "test", "resources", "corpus", "captures");

    /** First filter fills the cache; the others use the same fields. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("tcp.port == 80", "tcp.port == 443", "tcp.port in {80, 443}", "!(tcp.port == 80)", "tcp.port > 1000"),
            List.of("ip.src == 127.0.0.1 && tcp.flags.syn == 1", "tcp.flags.syn == 1 || ip.src != 127.0.0.1",
                    "ip.src#1 == 127.0.0.1", "tcp.flags.syn == 0 and ip.src == 127.0.0.0/8"),
            List.of("http.request.method == \"GET\"", "http.request.method in {\"POST\", \"HEAD\"}",
                    "http.request.method matches \"^P\"", "lower(http.request.method) == \"get\""),
            List.of("dns.qry.name contains \"corpus\"", "dns.qry.name == \"www.corpus.test\"", "len(dns.qry.name) > 12"),
            List.of("tls.handshake.type == 1 && tls", "tls.handshake.type == 2 && tls", "tls", "tls.handshake.type == 11 || !tls"),
            List.of("tcp.len > 100", "tcp.len == 0", "tcp.len >= 1 && tcp.len <= 100"));

    @Test
    void cachedAnswersEqualDissectedAnswers() throws Exception {
        try (Session session = new Session(SharedRegistry.get())) {
            LoadedCapture cached = session.open(CAPTURES.resolve("mixed.pcapng"));
            LoadedCapture plain = session.open(CAPTURES.resolve("mixed.pcapng"));
            int fromCache = 0;
            for (List<String> group : GROUPS) {
                for (int i = 0; i < group.size(); i++) {
                    DisplayFilter f = DisplayFilter.compile(group.get(i), session.registry().fields());
                    Filtering.Result r = Filtering.apply(cached, f, session, Progress.NONE, Cancel.NEVER);
                    BitSet viaCache = cached.view();
                    plain.invalidateDissection();
                    Filtering.apply(plain, f, session, Progress.NONE, Cancel.NEVER);
                    assertEquals(plain.view(), viaCache, group.get(i));
                    if (i > 0) {
                        assertTrue(r.fromCache(), group.get(i) + " should come from the cache");
                    }
                    fromCache += r.fromCache() ? 1 : 0;
                }
            }
            assertTrue(fromCache >= 14, "filters answered from the cache: " + fromCache);
        }
    }

    @Test
    void protocolBytesAndNewFieldsNeedDissection() throws Exception {
        try (Session session = new Session(SharedRegistry.get())) {
            LoadedCapture c = session.open(CAPTURES.resolve("http_get.pcap"));
            var fields = session.registry().fields();
            Filtering.apply(c, DisplayFilter.compile("tcp", fields), session, Progress.NONE, Cancel.NEVER);
            assertTrue(Filtering.apply(c, DisplayFilter.compile("!tcp", fields), session, Progress.NONE, Cancel.NEVER).fromCache());
            var r = Filtering.apply(c, DisplayFilter.compile("tcp contains \"GET\"", fields), session, Progress.NONE, Cancel.NEVER);
            assertFalse(r.fromCache());
            LoadedCapture fresh = session.open(CAPTURES.resolve("http_get.pcap"));
            assertEquals(Filtering.apply(fresh, DisplayFilter.compile("tcp contains \"GET\"", fields), session, Progress.NONE,
                    Cancel.NEVER).matched(), r.matched());
            assertFalse(Filtering.apply(c, DisplayFilter.compile("udp", fields), session, Progress.NONE, Cancel.NEVER).fromCache());
            // The cache now holds tcp and udp: both answered without dissection.
            assertTrue(Filtering.apply(c, DisplayFilter.compile("tcp || udp", fields), session, Progress.NONE, Cancel.NEVER).fromCache());
        }
    }

    @Test
    void aBudgetTooSmallStopsCachingButNotFiltering() throws Exception {
        try (Session session = new Session(SharedRegistry.get())) {
            session.settings().set("cache.mb", "0");
            LoadedCapture c = session.open(CAPTURES.resolve("http_get.pcap"));
            var fields = session.registry().fields();
            var r = Filtering.apply(c, DisplayFilter.compile("tcp.port == 80", fields), session, Progress.NONE, Cancel.NEVER);
            assertEquals(135, r.matched());
            assertTrue(r.cacheNote().contains("budget"), r.cacheNote());
            assertFalse(Filtering.apply(c, DisplayFilter.compile("tcp.port == 81", fields), session, Progress.NONE, Cancel.NEVER).fromCache());
        }
    }
}
