/**
 * JMH micro-benchmarks of the runtime's internals. They live in the runtime's package (in the bench module,
 * legal on the class path) because P, G and M constructors and the steal and note methods are package-private.
 * Run them with {@code ./sched bench --jmh [REGEX]} or
 * {@code java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp 'bench/target/sched-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main [REGEX]}.
 */
package sched.runtime;
