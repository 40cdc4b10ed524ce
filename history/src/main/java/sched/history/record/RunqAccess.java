package sched.history.record;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import sched.runtime.Config;
import sched.runtime.G;
import sched.runtime.GlobalRunq;
import sched.runtime.GoRuntime;
import sched.runtime.M;
import sched.runtime.P;
import sched.runtime.Sched;

/**
 * Reaches the runtime's P run queue from outside package {@code sched.runtime}: a P and its Gs are built, and
 * {@code runqsteal} is called, through method handles on the package-private members (the history module may
 * not add code to the runtime). {@code runqput} and {@code runqget} are public. No scheduler runs: the P is
 * driven directly by the recording threads, the owner thread doing put/get and thief threads stealing into
 * their own P, exactly as Ms do.
 */
public final class RunqAccess {
    private static final MethodHandle NEW_P, NEW_G, STEAL, SET_GOID, SET_SCHEDLINK, PUT_BATCH;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(P.class, MethodHandles.lookup());
            NEW_P = l.findConstructor(P.class, MethodType.methodType(void.class, Sched.class, int.class));
            NEW_G = l.findConstructor(G.class, MethodType.methodType(void.class, Sched.class));
            STEAL = l.findVirtual(P.class, "runqsteal", MethodType.methodType(G.class, P.class, boolean.class, M.class));
            SET_GOID = l.findSetter(G.class, "goid", long.class);
            SET_SCHEDLINK = l.findSetter(G.class, "schedlink", G.class);
            PUT_BATCH = l.findVirtual(GlobalRunq.class, "globrunqputbatch", MethodType.methodType(void.class, G.class, G.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Sched sched = new GoRuntime(new Config().gomaxprocs(2).sysmon(false)).sched();

    /** A new P (not started, owned by whoever calls runqput/runqget on it). */
    public P newP(int id) {
        try {
            return (P) NEW_P.invoke(sched, id);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A new G with id {@code goid} (never run; only queued). */
    public G newG(long goid) {
        try {
            G g = (G) NEW_G.invoke(sched);
            SET_GOID.invoke(g, goid);
            return g;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code thief.runqsteal(victim, stealRunNextG, null)}: half the victim's ring into the thief's P. */
    public static G steal(P thief, P victim, boolean stealRunNextG) {
        try {
            return (G) STEAL.invoke(thief, victim, stealRunNextG, (M) null);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code q.globrunqputbatch(gs[0], gs[n-1], n)} after linking gs in order (the caller holds q's lock). */
    public static void globrunqputbatch(GlobalRunq q, G... gs) {
        try {
            for (int i = 0; i + 1 < gs.length; i++) SET_SCHEDLINK.invoke(gs[i], gs[i + 1]);
            PUT_BATCH.invoke(q, gs[0], gs[gs.length - 1], gs.length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
