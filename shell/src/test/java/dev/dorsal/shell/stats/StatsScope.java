package dev.dorsal.shell.stats;

import dev.dorsal.engine.registry.FieldRegistry;
import dev.dorsal.engine.capture.CaptureReader;
import dev.dorsal.engine.capture.Captures;
import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.shell.cli.SharedRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which captures the statistics tests hold to byte-for-byte agreement: those whose every layer has a
 * Dorsal dissector, read from tshark's own protocol hierarchy of the capture (the io,phs part of its
 * {@code conv.txt} oracle) and the registry. Other captures are run and reported, not gated; the set
 * widens by itself as dissectors land. Nothing here names a capture.
 */
final class StatsScope {
    private StatsScope() {}

    /** The protocol names in tshark's hierarchy for a capture, or null without that oracle. */
    static List<String> hierarchy(Path convOracle) throws IOException {
        if (!Files.isRegularFile(convOracle)) {
            return null;
        }
        String text = Files.readString(convOracle, StandardCharsets.UTF_8);
        int start = text.indexOf("\n\n", text.indexOf("Protocol Hierarchy Statistics"));
        int end = text.indexOf("=".repeat(67), start);
        List<String> names = new ArrayList<>();
        for (String line : text.substring(start + 2, end).split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip().split(" ")[0]);
            }
        }
        return names;
    }

    /**
     * Why a capture cannot match tshark's oracle yet, or null: Dorsal has no dissector for the
     * capture's link layer (frame hands the bytes straight to data). Read from the capture, never from
     * a list of names. Captures with a key log or embedded secrets are in scope since TLS decryption
     * landed; those whose decrypted data holds a protocol Dorsal lacks (HTTP/2) fall out through
     * {@link #missing}, like any other capture.
     */
    static String pending(Path capture) throws IOException {
        try (CaptureReader reader = Captures.open(capture)) {
            RawFrame first = reader.next();
            if (first != null) {
                DissectedPacket p = new Dissection(SharedRegistry.get()).dissect(first, DissectionOptions.SUMMARY);
                if (p.layers().size() > 1 && p.layers().get(1).equals("data")) {
                    return "no dissector for link type " + first.linkType();
                }
            }
        }
        return null;
    }

    /** The protocols in {@code names} Dorsal has no field or protocol for. */
    static List<String> missing(List<String> names, FieldRegistry registry) {
        return names.stream().filter(n -> !registry.exists(n)).distinct().toList();
    }
}
