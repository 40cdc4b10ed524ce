package sched.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import sched.bench.Results.CaseResult;
import sched.bench.Results.Metric;
import sched.bench.Results.PeerResult;
import sched.bench.Results.Run;

/**
 * {@code ./sched bench}: runs every selected workload on every peer, each run in a fresh child process, and
 * reports medians and min-max of wall time, CPU time and peak RSS, with the ratio of this runtime to each peer.
 * Writes bench/results/&lt;timestamp&gt;.json, latest.json and latest.svg.
 */
public final class Harness {
    /** What to run (the CLI fills it in). */
    public static final class Options {
        public List<String> workloads = new ArrayList<>();
        public List<String> peers = new ArrayList<>();
        public boolean quick;
        /** Measured runs per peer and case; null: 3 (1 with --quick). */
        public Integer runs;
        /** In-child warm-up iterations; null: 1. */
        public Integer warmup;
        /** GOMAXPROCS values for the scaling workloads; null: 1, 2, 4, ... up to the cores. */
        public List<Integer> procs;
        /** Extra flags for the Java children (e.g. -XX:StartFlightRecording=...). */
        public List<String> jvmArgs = new ArrayList<>();
        public Path root = Path.of(System.getProperty("sched.root", ".")).toAbsolutePath().normalize();
        /** Where the JSON and SVG go; null: ROOT/bench/results. */
        public Path outDir;
        public boolean noGo;
        public long childTimeoutSeconds = 900;
        public String commandLine = "./sched bench";
        public PrintStream out = System.out, err = System.err;
    }

    private final Options o;
    private final int runs, warmup, cores;
    private final List<Integer> procsList;
    private final int mainProcs;
    private GoPeer go;
    private final List<CaseResult> cases = new ArrayList<>();

    public Harness(Options o) {
        this.o = o;
        this.runs = o.runs != null ? o.runs : (o.quick ? 1 : 3);
        this.warmup = o.warmup != null ? o.warmup : 1;
        this.cores = Runtime.getRuntime().availableProcessors();
        if (o.procs != null && !o.procs.isEmpty()) {
            procsList = new ArrayList<>(new TreeSet<>(o.procs));
        } else {
            TreeSet<Integer> s = new TreeSet<>();
            for (int p = 1; p <= cores && p <= 16; p *= 2) s.add(p);
            s.add(Math.min(cores, 16));
            procsList = new ArrayList<>(s);
        }
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
        if (procsList.get(0) < 1) throw new IllegalArgumentException("--procs values must be at least 1");
        this.mainProcs = procsList.get(procsList.size() - 1);
    }

    /** Runs everything; returns the process exit code (0 ok, 1 some run failed or gave a wrong checksum). */
    public int run() throws IOException, InterruptedException {
        List<Workload> ws = new ArrayList<>();
        if (o.workloads.isEmpty()) ws.addAll(List.of(Workload.values()));
        else for (String id : o.workloads) ws.add(Workload.byId(id));
        List<Peer> peers = new ArrayList<>();
        if (o.peers.isEmpty()) peers.addAll(List.of(Peer.values()));
        else for (String id : o.peers) peers.add(Peer.byId(id));

        String goStatus = "not requested";
        if (peers.contains(Peer.GO)) {
            if (o.noGo) goStatus = "disabled (--no-go)";
            else {
                go = GoPeer.build(o.root, o.err);
                goStatus = go.status();
            }
        }
        o.out.printf("sched bench: %s, %d run%s per peer (each in a fresh process, %d in-process warm-up"
                        + " iteration%s first), %d cores, GOMAXPROCS %s%n", o.quick ? "--quick sizes" : "full sizes",
                runs, runs == 1 ? "" : "s", warmup, warmup == 1 ? "" : "s", cores, procsList);
        o.out.printf("  java: %s %s; go: %s%n%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), goStatus);

        boolean failed = false;
        for (Workload w : ws) {
            List<Integer> ps = w.scaling ? procsList : List.of(mainProcs);
            for (int procs : ps) {
                CaseResult c = runCase(w, procs, peers);
                cases.add(c);
                printCase(c);
                for (PeerResult r : c.peers) if (r.status.startsWith("failed")) failed = true;
            }
        }
        printScaling();
        List<Map<String, Object>> goals = Goals.evaluate(cases, mainProcs);
        printGoals(goals);
        writeOutputs(goals, goStatus);
        return failed ? 1 : 0;
    }

    public List<CaseResult> cases() { return cases; }

    // --------------------------------------------------------------------------------------------- running

    private CaseResult runCase(Workload w, int procs, List<Peer> peers) throws IOException, InterruptedException {
        Params p = w.params(o.quick);
        CaseResult c = new CaseResult(w, procs, p);
        for (Peer peer : peers) {
            if (!w.supports(peer)) continue;
            PeerResult r = new PeerResult(peer, w.primitive(peer));
            String why = peer == Peer.GO ? (go != null && go.available() ? null : "n/a (" + goStatusShort() + ")")
                    : Workloads.unavailable(w, peer);
            if (why != null) r.status = why;
            c.peers.add(r);
        }
        c.loadBefore = loadAverage();
        long expected = w.expected(p);
        // Interleave the peers run by run, so that a noisy moment on a shared machine hits them all alike.
        for (int i = 0; i < runs; i++) {
            for (PeerResult r : c.peers) {
                if (!r.status.equals("ok")) continue;
                o.err.printf("  %s @%d %s run %d/%d ...%n", w.id, procs, r.peer.id, i + 1, runs);
                try {
                    Run run = runChild(w, r.peer, p, procs);
                    if (run.check() != expected) {
                        r.status = "failed: wrong checksum " + run.check() + ", expected " + expected;
                    } else {
                        r.runs.add(run);
                    }
                } catch (ChildFailure e) {
                    r.status = "failed: " + e.getMessage();
                }
            }
        }
        c.loadAfter = loadAverage();
        return c;
    }

    /** The 1-minute load average of the machine (NaN where there is no /proc/loadavg). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private String goStatusShort() {
        if (o.noGo) return "--no-go";
        return go == null ? "not requested" : go.status();
    }

    static final class ChildFailure extends Exception {
        ChildFailure(String m) { super(m); }
    }

    private Run runChild(Workload w, Peer peer, Params p, int procs) throws IOException, InterruptedException,
            ChildFailure {
        List<String> cmd = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add("procs=" + procs);
        args.add("warmup=" + warmup);
        args.add("warmupdiv=" + w.warmupDiv);
        args.addAll(List.of(p.toArgs()));
        ProcessBuilder pb;
        if (peer == Peer.GO) {
            cmd.add(go.binary().toString());
            cmd.add(w.id);
            cmd.addAll(args);
            pb = new ProcessBuilder(cmd);
        } else {
            cmd.addAll(javaCommand(procs));
            cmd.add(ChildMain.class.getName());
            cmd.add(w.id);
            cmd.add(peer.id);
            cmd.addAll(args);
            pb = new ProcessBuilder(cmd);
        }
        pb.redirectErrorStream(true);
        pb.directory(o.root.toFile());
        Process proc = pb.start();
        proc.getOutputStream().close();
        byte[][] outHolder = new byte[1][];
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = proc.getInputStream()) {
                outHolder[0] = in.readAllBytes();
            } catch (IOException e) {
                outHolder[0] = ("(could not read the child's output: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        if (!proc.waitFor(o.childTimeoutSeconds, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            proc.waitFor();
            throw new ChildFailure("timed out after " + o.childTimeoutSeconds + " s");
        }
        reader.join();
        String text = new String(outHolder[0] == null ? new byte[0] : outHolder[0], StandardCharsets.UTF_8);
        String resultLine = null;
        for (String line : text.split("\n")) if (line.startsWith("RESULT ")) resultLine = line.substring(7);
        if (proc.exitValue() != 0 || resultLine == null) {
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            o.err.println("  child failed (exit " + proc.exitValue() + "): " + String.join(" ", cmd));
            o.err.println(tail.indent(4));
            String first = tail.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            throw new ChildFailure("exit " + proc.exitValue() + ": " + first);
        }
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) Json.parse(resultLine);
        Map<String, Long> counters = null;
        if (m.get("counters") instanceof Map<?, ?> cm) {
            counters = new LinkedHashMap<>();
            for (var e : cm.entrySet()) counters.put((String) e.getKey(), ((Number) e.getValue()).longValue());
        }
        return new Run(num(m, "check"), num(m, "wall_ns"), num(m, "cpu_ns"), num(m, "rss_kb"), counters);
    }

    private static long num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) throw new IllegalStateException("child result has no '" + k + "'");
        return n.longValue();
    }

    /** The Java child: this JVM's java, the runtime's flags, the same class path; vthreads get procs carriers. */
    private List<String> javaCommand(int procs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.vm=ALL-UNNAMED");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xss4m");
        cmd.add("-Djdk.virtualThreadScheduler.parallelism=" + procs);
        cmd.addAll(o.jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        return cmd;
    }

    // -------------------------------------------------------------------------------------------- printing

    private void printCase(CaseResult c) {
        PrintStream out = o.out;
        out.printf("== %s  (GOMAXPROCS %d): %s%n", c.workload.id, c.procs, c.workload.describe(c.params));
        out.printf("   machine load average %s before, %s after%n", fmt(c.loadBefore), fmt(c.loadAfter));
        out.printf("   %-9s %-24s %-24s %-22s %s%n", "peer", "wall ms median [min-max]",
                "cpu ms median [min-max]", "peak MiB median [max]", "go-rt/peer: wall  cpu   mem");
        for (PeerResult r : c.peers) {
            if (!r.ok()) {
                out.printf("   %-9s %s%n", r.peer.id, r.status);
                continue;
            }
            String ratios = r.peer == Peer.GORT ? "" : String.format("%17s %5s %5s", fmtRatio(c.ratio(r.peer,
                    Metric.WALL)), fmtRatio(c.ratio(r.peer, Metric.CPU)), fmtRatio(c.ratio(r.peer, Metric.RSS)));
            out.printf("   %-9s %-24s %-24s %-22s %s%n", r.peer.id, range(r, Metric.WALL), range(r, Metric.CPU),
                    String.format("%.0f [%.0f]", r.median(Metric.RSS), r.max(Metric.RSS)), ratios);
        }
        out.println("   primitives:");
        for (PeerResult r : c.peers) out.printf("     %-9s %s%n", r.peer.id, r.primitive);
        out.println();
        out.flush();
    }

    private String range(PeerResult r, Metric m) {
        if (r.runs.size() == 1) return fmt(r.median(m));
        return fmt(r.median(m)) + " [" + fmt(r.min(m)) + "-" + fmt(r.max(m)) + "]";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmtRatio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    private void printScaling() {
        if (procsList.size() < 2) return;
        for (Workload w : Workload.values()) {
            if (!w.scaling) continue;
            List<CaseResult> cs = cases.stream().filter(c -> c.workload == w).toList();
            if (cs.size() < 2) continue;
            o.out.printf("== scaling of %s: wall ms median (speed-up over GOMAXPROCS %d)%n", w.id, cs.get(0).procs);
            StringBuilder h = new StringBuilder(String.format("   %-9s", "peer"));
            for (CaseResult c : cs) h.append(String.format(" %18s", "GOMAXPROCS " + c.procs));
            o.out.println(h);
            for (PeerResult r0 : cs.get(0).peers) {
                StringBuilder sb = new StringBuilder(String.format("   %-9s", r0.peer.id));
                double base = r0.ok() ? r0.median(Metric.WALL) : Double.NaN;
                for (CaseResult c : cs) {
                    PeerResult r = c.get(r0.peer);
                    if (r == null || !r.ok()) {
                        sb.append(String.format(" %18s", "-"));
                        continue;
                    }
                    double v = r.median(Metric.WALL);
                    sb.append(String.format(" %18s", fmt(v) + " (" + String.format(Locale.ROOT, "%.2fx", base / v)
                            + ")"));
                }
                o.out.println(sb);
            }
            o.out.println();
        }
    }

    private void printGoals(List<Map<String, Object>> goals) {
        o.out.println("== goals (issue 7), at GOMAXPROCS " + mainProcs + "; ratio = this runtime / peer, median");
        if (o.quick) {
            o.out.println("   (--quick sizes: JVM start-up, JIT warm-up and the JVM's base footprint dominate these"
                    + " figures; judge the goals on a full run)");
        }
        for (Map<String, Object> g : goals) {
            o.out.printf("   %-7s %-80s %s%n", g.get("verdict"), g.get("goal"), g.get("detail"));
        }
        o.out.println();
    }

    // --------------------------------------------------------------------------------------------- output

    private void writeOutputs(List<Map<String, Object>> goals, String goStatus) throws IOException {
        // --quick figures go to results/quick/, so a CI run does not overwrite the committed full results.
        Path dir = o.outDir != null ? o.outDir : o.quick ? o.root.resolve("bench").resolve("results").resolve("quick")
                : o.root.resolve("bench").resolve("results");
        Files.createDirectories(dir);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("timestamp", now.format(DateTimeFormatter.ISO_INSTANT));
        doc.put("command", o.commandLine);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cores", cores);
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        host.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        host.put("go", goStatus);
        host.put("note", "shared machine: other work may have run at the same time (see loadavg per case)");
        host.put("cpu_time_source", "Java: " + CpuClock.source() + " in the child; Go: getrusage(RUSAGE_SELF)");
        doc.put("host", host);
        doc.put("quick", o.quick);
        doc.put("runs", runs);
        doc.put("warmup", warmup);
        doc.put("procs", procsList);
        doc.put("ratio", "this runtime's median divided by the peer's median (below 1: this runtime is better)");
        List<Object> cs = new ArrayList<>();
        for (CaseResult c : cases) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("workload", c.workload.id);
            cm.put("procs", c.procs);
            cm.put("description", c.workload.describe(c.params));
            cm.put("params", c.params.asMap());
            cm.put("expected", c.workload.expected(c.params));
            cm.put("loadavg_before", c.loadBefore);
            cm.put("loadavg_after", c.loadAfter);
            List<Object> ps = new ArrayList<>();
            for (PeerResult r : c.peers) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("peer", r.peer.id);
                pm.put("primitive", r.primitive);
                pm.put("status", r.status);
                if (r.ok()) {
                    for (Metric m : Metric.values()) {
                        Map<String, Object> st = new LinkedHashMap<>();
                        st.put("median", r.median(m));
                        st.put("min", r.min(m));
                        st.put("max", r.max(m));
                        pm.put(key(m), st);
                    }
                    if (r.peer != Peer.GORT) {
                        Map<String, Object> ratio = new LinkedHashMap<>();
                        for (Metric m : Metric.values()) ratio.put(key(m), c.ratio(r.peer, m));
                        pm.put("ratio_gort_over_peer", ratio);
                    }
                }
                List<Object> rl = new ArrayList<>();
                for (Run run : r.runs) {
                    Map<String, Object> rm = new LinkedHashMap<>();
                    rm.put("check", run.check());
                    rm.put("wall_ns", run.wallNs());
                    rm.put("cpu_ns", run.cpuNs());
                    rm.put("rss_kb", run.rssKb());
                    if (run.counters() != null) rm.put("counters", run.counters());
                    rl.add(rm);
                }
                pm.put("runs", rl);
                ps.add(pm);
            }
            cm.put("peers", ps);
            cs.add(cm);
        }
        doc.put("cases", cs);
        doc.put("goals", goals);
        String json = Json.write(doc);
        String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.resolve(stamp + ".json");
        Files.writeString(file, json);
        Files.writeString(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("latest.md"), Markdown.render(cases, goals, o.commandLine,
                now.format(DateTimeFormatter.ISO_INSTANT), runs, warmup, (String) host.get("java"), "Go: " + goStatus));
        String svg = SvgChart.render(cases, o.quick, runs, now.format(DateTimeFormatter.ISO_INSTANT), cores);
        Files.writeString(dir.resolve("latest.svg"), svg);
        o.out.println("results: " + rel(file) + ", " + rel(dir.resolve("latest.json")) + ", chart "
                + rel(dir.resolve("latest.svg")));
    }

    private String rel(Path p) {
        Path a = p.toAbsolutePath().normalize();
        return a.startsWith(o.root) ? o.root.relativize(a).toString() : a.toString();
    }

    /**
     * Re-render latest.md and latest.svg (beside the file) from a saved results JSON, e.g. after a change to the
     * chart: {@code ./sched bench --render bench/results/latest.json}.
     */
    @SuppressWarnings("unchecked")
    public static void render(Path json, PrintStream out) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(json));
        List<CaseResult> cs = new ArrayList<>();
        int mainProcs = 1;
        for (Object o : (List<Object>) doc.get("cases")) {
            Map<String, Object> cm = (Map<String, Object>) o;
            Map<String, Long> pm = new LinkedHashMap<>();
            ((Map<String, Object>) cm.get("params")).forEach((k, v) -> pm.put(k, ((Number) v).longValue()));
            CaseResult c = new CaseResult(Workload.byId((String) cm.get("workload")),
                    ((Number) cm.get("procs")).intValue(), new Params(pm));
            mainProcs = Math.max(mainProcs, c.procs);
            if (cm.get("loadavg_before") instanceof Number n) c.loadBefore = n.doubleValue();
            if (cm.get("loadavg_after") instanceof Number n) c.loadAfter = n.doubleValue();
            for (Object po : (List<Object>) cm.get("peers")) {
                Map<String, Object> p = (Map<String, Object>) po;
                PeerResult r = new PeerResult(Peer.byId((String) p.get("peer")), (String) p.get("primitive"));
                r.status = (String) p.get("status");
                for (Object ro : (List<Object>) p.get("runs")) {
                    Map<String, Object> rm = (Map<String, Object>) ro;
                    r.runs.add(new Run(num(rm, "check"), num(rm, "wall_ns"), num(rm, "cpu_ns"), num(rm, "rss_kb"),
                            null));
                }
                c.peers.add(r);
            }
            cs.add(c);
        }
        List<Map<String, Object>> goals = Goals.evaluate(cs, mainProcs);
        Map<String, Object> host = (Map<String, Object>) doc.get("host");
        int runs = ((Number) doc.get("runs")).intValue();
        Path dir = json.toAbsolutePath().getParent();
        Files.writeString(dir.resolve("latest.md"), Markdown.render(cs, goals, (String) doc.get("command"),
                (String) doc.get("timestamp"), runs, ((Number) doc.get("warmup")).intValue(),
                (String) host.get("java"), "Go: " + host.get("go")));
        Files.writeString(dir.resolve("latest.svg"), SvgChart.render(cs, Boolean.TRUE.equals(doc.get("quick")), runs,
                (String) doc.get("timestamp"), ((Number) host.get("cores")).intValue()));
        out.println("wrote " + dir.resolve("latest.md") + " and " + dir.resolve("latest.svg"));
    }

    static String key(Metric m) {
        return switch (m) {
            case WALL -> "wall_ms";
            case CPU -> "cpu_ms";
            case RSS -> "peak_rss_mib";
        };
    }
}
