package sched.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The measured figures: runs per peer, per case (a workload at one GOMAXPROCS). */
public final class Results {
    private Results() {}

    /** The three figures of a run. */
    public enum Metric {
        WALL("wall", "ms"), CPU("cpu", "ms"), RSS("peak RSS", "MiB");

        public final String label, unit;

        Metric(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        /** The figure of a run in this metric's unit. */
        public double of(Run r) {
            return switch (this) {
                case WALL -> r.wallNs / 1e6;
                case CPU -> r.cpuNs / 1e6;
                case RSS -> r.rssKb / 1024.0;
            };
        }
    }

    /** One child process: its checksum, the measured iteration's wall and CPU time, and the peak RSS. */
    public record Run(long check, long wallNs, long cpuNs, long rssKb, Map<String, Long> counters) {}

    /** A peer's runs of one case. */
    public static final class PeerResult {
        public final Peer peer;
        public final String primitive;
        /** "ok", or why there are no figures ("n/a ..." or "failed: ..."). */
        public String status = "ok";
        public final List<Run> runs = new ArrayList<>();

        PeerResult(Peer peer, String primitive) {
            this.peer = peer;
            this.primitive = primitive;
        }

        public boolean ok() { return status.equals("ok") && !runs.isEmpty(); }

        public double median(Metric m) { return stat(m, 0); }

        public double min(Metric m) { return stat(m, -1); }

        public double max(Metric m) { return stat(m, 1); }

        private double stat(Metric m, int which) {
            if (runs.isEmpty()) return Double.NaN;
            double[] v = runs.stream().mapToDouble(m::of).toArray();
            Arrays.sort(v);
            if (which < 0) return v[0];
            if (which > 0) return v[v.length - 1];
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }

    /** One workload at one GOMAXPROCS. */
    public static final class CaseResult {
        public final Workload workload;
        public final int procs;
        public final Params params;
        public final List<PeerResult> peers = new ArrayList<>();
        /** /proc/loadavg (1-minute figure) before and after the case: how busy the shared machine was. */
        public double loadBefore = Double.NaN, loadAfter = Double.NaN;

        CaseResult(Workload workload, int procs, Params params) {
            this.workload = workload;
            this.procs = procs;
            this.params = params;
        }

        public PeerResult get(Peer p) {
            for (PeerResult r : peers) if (r.peer == p) return r;
            return null;
        }

        /** This runtime's median over the peer's: below 1 this runtime is better. NaN when either is missing. */
        public double ratio(Peer p, Metric m) {
            PeerResult us = get(Peer.GORT), them = get(p);
            if (us == null || them == null || !us.ok() || !them.ok()) return Double.NaN;
            double d = them.median(m);
            return d > 0 ? us.median(m) / d : Double.NaN;
        }

        public String label() { return workload.id + " @" + procs; }
    }
}
