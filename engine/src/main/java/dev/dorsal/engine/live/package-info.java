/**
 * Live capture through libpcap (pcap4j over JNA): list interfaces, open one with a BPF capture filter,
 * snap length and promiscuous setting, and pull its frames as {@link dev.dorsal.engine.capture.RawFrame}s,
 * the same records the file readers return, so dissection, display filters, output formats and the
 * capture writer treat live packets exactly like packets from a file.
 *
 * <p>Entry points: {@link dev.dorsal.engine.live.LiveCaptures#interfaces()} and
 * {@link dev.dorsal.engine.live.LiveCapture#open(LiveOptions)}. Every libpcap failure (no library, no
 * permission, no such device, bad filter) arrives as a {@link dev.dorsal.engine.live.LiveCaptureException}
 * whose message says what is missing, in tshark's words where tshark has them.
 */
package dev.dorsal.engine.live;
