package dev.dorsal.dissectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A consumer reading only the ports and the stream index ({@code -z conv,tcp}, {@code -e tcp.stream})
 * gets TCP without its sequence analysis. The stream numbers must still be those of a full
 * dissection, through reused ports, ICMP errors quoting TCP, short and cut segments, and the malformed
 * markers must land on the same frames.
 */
class StreamIndexOnlyTest {

    private static BitSet interest(Registry r, String... names) {
        BitSet b = new BitSet();
        for (String n : names) {
            for (FieldDef f : r.fields().lookup(n)) {
                b.set(f.id());
            }
        }
        return b;
    }

    private static List<String> streams(Registry r, String capture, String... fields) {
        List<String> out = new ArrayList<>();
        OracleCaptures.dissect(r, capture, new DissectionOptions(false, interest(r, fields), false), p -> {
            StringBuilder sb = new StringBuilder();
            collect(p.tree().root(), sb);
            sb.append(p.layers());
            out.add(sb.toString());
        });
        return out;
    }

    private static void collect(ProtoItem n, StringBuilder sb) {
        for (ProtoItem c = n.firstChild(); c != null; c = c.next()) {
            if (c.field() != null && c.field().abbrev().equals("tcp.stream")) {
                sb.append(c.num()).append(' ');
            }
            collect(c, sb);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"probes/flags_reuse.pcap", "probes/analysis.pcap", "probes/oddities.pcap",
            "probes/completeness.pcap", "probes/fin_close.pcap", "corpus/captures/tcp_retrans.pcap",
            "corpus/captures/tcp_rst.pcap", "corpus/captures/mixed.pcapng",
            "corpus/ppp/PacketExamples/tcp-malformed.pcap",
            "corpus/ppp/PcapExamples/one_tcp_stream_max_seq.pcap"})
    void streamNumbersAsInAFullDissection(String capture) {
        Registry r = OracleCaptures.full();
        List<String> full = streams(r, capture, "tcp.stream", "tcp.seq");
        List<String> only = streams(r, capture, "tcp.stream", "tcp.srcport");
        assertTrue(full.stream().anyMatch(s -> !s.startsWith("[")), capture + " has no TCP");
        assertEquals(full, only, capture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"probes/analysis.pcap"})
    void theSequenceAnalysisIsSkipped(String capture) {
        Registry r = OracleCaptures.full();
        assertTrue(analysisExperts(r, capture, "tcp.stream", "tcp.seq") > 0, "the full dissection analyses");
        assertEquals(0, analysisExperts(r, capture, "tcp.stream"), "stream index only: no analysis");
    }

    private static int analysisExperts(Registry r, String capture, String... fields) {
        int[] n = {0};
        OracleCaptures.dissect(r, capture, new DissectionOptions(false, interest(r, fields), false), p -> {
            for (PacketTree.Expert e : p.tree().experts()) {
                if (e.def().abbrev().startsWith("tcp.analysis.")) {
                    n[0]++;
                }
            }
        });
        return n[0];
    }
}
