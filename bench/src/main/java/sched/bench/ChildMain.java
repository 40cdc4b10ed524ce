package sched.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark run in its own JVM: {@code ChildMain WORKLOAD PEER procs=N warmup=W key=value...}. Runs W
 * warm-up iterations (at the workload's warm-up size), then one measured iteration, and prints one line
 * {@code RESULT {json}}: checksum, wall and CPU (user+sys of the whole process) of the measured iteration, and
 * the process's peak RSS (VmHWM) at the end. The Go program prints the same line.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        Workload w = Workload.byId(args[0]);
        Peer peer = Peer.byId(args[1]);
        Params all = Params.parseArgs(args, 2);
        int procs = all.getInt("procs");
        long warmup = all.get("warmup");
        Map<String, Long> wp = new LinkedHashMap<>(all.asMap());
        wp.remove("procs");
        wp.remove("warmup");
        wp.remove("warmupdiv");
        Params p = new Params(wp);

        Params warm = Workloads.warmupParams(w, p);
        for (long i = 0; i < warmup; i++) Workloads.run(w, peer, warm, procs);
        System.gc();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long check = Workloads.run(w, peer, p, procs);
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        StringBuilder sb = new StringBuilder();
        sb.append("RESULT {\"check\":").append(check).append(",\"wall_ns\":").append(wall)
                .append(",\"cpu_ns\":").append(cpu).append(",\"rss_kb\":").append(peakRssKiB());
        Map<String, Long> counters = OnRuntime.LAST_COUNTERS.get();
        if (peer == Peer.GORT && counters != null) {
            sb.append(",\"counters\":{");
            boolean first = true;
            for (var e : counters.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                sb.append('"').append(e.getKey()).append("\":").append(e.getValue());
            }
            sb.append('}');
        }
        sb.append('}');
        System.out.println(sb);
        System.out.flush();
        // The runtime's Ms are daemon threads, but a peer may leave pools behind: exit explicitly.
        System.exit(0);
    }

    /** User+sys CPU time of this process. */
    static long processCpuNanos() { return CpuClock.processCpuNanos(); }

    /** VmHWM of /proc/self/status in KiB, or -1 where there is no /proc. */
    static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
