package sched.tlc;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;
import java.util.Arrays;

/**
 * The entry point of the child JVMs this driver starts (one per TLC run, so that TLC's static state and its
 * {@code System.exit} never touch the calling JVM). The first argument picks the mode:
 * <ul>
 *   <li>{@code tlc ARGS}: TLC's model checker ({@code tlc2.TLC.main}), with a daemon thread that prints the
 *       checker's counters on stderr every second ({@link TlcRunCollector#PROBE_PREFIX}), because TLC itself
 *       reports progress only once a minute;</li>
 *   <li>{@code server ARGS} / {@code worker HOST}: TLC's distributed server and worker, with Java RMI restricted
 *       to the loopback interface (every server socket binds 127.0.0.1, every client socket connects there);</li>
 *   <li>{@code derive ...}: re-derive the action parameters of a counterexample ({@link TraceDeriver}).</li>
 * </ul>
 */
public final class TlcChild {
    private TlcChild() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: TlcChild tlc|server|worker|derive ARGS...");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "tlc" -> {
                startProbe();
                tlc2.TLC.main(rest);
            }
            case "server" -> {
                loopbackRmi();
                tlc2.tool.distributed.TLCServer.main(rest);
                System.out.flush();
                System.exit(0);
            }
            case "worker" -> {
                loopbackRmi();
                tlc2.tool.distributed.TLCWorker.main(rest);
            }
            case "derive" -> System.exit(TraceDeriver.childMain(rest));
            default -> {
                System.err.println("TlcChild: unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void startProbe() {
        PrintStream err = System.err;
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (tlc2.TLCGlobals.mainChecker instanceof tlc2.tool.ModelChecker mc) {
                        long distinct = mc.getDistinctStatesGenerated();
                        long generated = mc.getStatesGenerated();
                        long queue = mc.getStateQueueSize();
                        int depth = mc.getProgress();
                        err.println(TlcRunCollector.PROBE_PREFIX + distinct + " " + generated + " " + queue + " " + depth);
                    }
                } catch (Throwable ignored) {
                    // the checker is not ready yet, or is shutting down
                }
            }
        }, "sched-tlc-probe");
        t.setDaemon(true);
        t.start();
    }

    /** Every RMI socket of this JVM on the loopback interface. */
    static void loopbackRmi() throws IOException {
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        RMISocketFactory.setSocketFactory(new RMISocketFactory() {
            @Override public Socket createSocket(String host, int port) throws IOException {
                return new Socket(loopback, port);
            }

            @Override public ServerSocket createServerSocket(int port) throws IOException {
                return new ServerSocket(port, 50, loopback);
            }
        });
    }
}
