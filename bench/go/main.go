// Command schedbench runs one benchmark workload the way bench/ runs it on the Java peers, and prints one
// RESULT line: the checksum, the wall and CPU time of the measured iteration, and the process's peak RSS.
//
//	schedbench WORKLOAD procs=N warmup=W [key=value ...]
//
// Workloads and their keys (the Java side, sched.bench.Workload, passes the same ones):
//
//	skynet       n (leaves), div (fan-out): a tree of goroutines, results over buffered channels
//	pingpong     n: round trips over two unbuffered channels
//	spawn        n: trivial goroutines joined by a sync.WaitGroup
//	fanout       n (fib argument), cutoff: a goroutine per call at or above the cutoff
//	idle-wakeup  n (items), consumers, sleepus: a producer sleeps, then hands one item to one of the consumers
//	timers       n (goroutines), maxus, seed: each goroutine sleeps a pseudo-random duration
//
// Built offline with the standard library only: go build -o DIR/schedbench .
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: schedbench WORKLOAD key=value...")
		os.Exit(2)
	}
	workload := os.Args[1]
	params := map[string]int64{}
	for _, a := range os.Args[2:] {
		kv := strings.SplitN(a, "=", 2)
		if len(kv) != 2 {
			fmt.Fprintln(os.Stderr, "bad argument (want key=value):", a)
			os.Exit(2)
		}
		v, err := strconv.ParseInt(kv[1], 10, 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad number:", a)
			os.Exit(2)
		}
		params[kv[0]] = v
	}
	get := func(k string) int64 {
		v, ok := params[k]
		if !ok {
			fmt.Fprintln(os.Stderr, "missing parameter", k)
			os.Exit(2)
		}
		return v
	}
	if p, ok := params["procs"]; ok {
		runtime.GOMAXPROCS(int(p))
	}
	var run func(scale int64) int64
	switch workload {
	case "skynet":
		run = func(s int64) int64 { return skynetMain(get("n")/s, get("div")) }
	case "pingpong":
		run = func(s int64) int64 { return pingpong(get("n") / s) }
	case "spawn":
		run = func(s int64) int64 { return spawn(get("n") / s) }
	case "fanout":
		run = func(s int64) int64 { return fib(int(get("n")), int(get("cutoff"))) }
	case "idle-wakeup":
		run = func(s int64) int64 { return idleWakeup(get("n")/s, int(get("consumers")), get("sleepus")) }
	case "timers":
		run = func(s int64) int64 { return timers(get("n")/s, get("maxus"), get("seed")) }
	default:
		fmt.Fprintln(os.Stderr, "unknown workload", workload)
		os.Exit(2)
	}
	warmup := params["warmup"]
	wscale := params["warmupdiv"]
	if wscale < 1 {
		wscale = 1
	}
	for i := int64(0); i < warmup; i++ {
		run(wscale)
	}
	runtime.GC()
	cpu0 := cpuNanos()
	t0 := time.Now()
	check := run(1)
	wall := time.Since(t0).Nanoseconds()
	cpu := cpuNanos() - cpu0
	fmt.Printf("RESULT {\"check\":%d,\"wall_ns\":%d,\"cpu_ns\":%d,\"rss_kb\":%d}\n", check, wall, cpu, peakRSSKiB())
}

// cpuNanos: user+sys CPU time of the whole process (getrusage RUSAGE_SELF).
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// peakRSSKiB: VmHWM from /proc/self/status (the Java peers read the same line).
func peakRSSKiB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			v, _ := strconv.ParseInt(f[1], 10, 64)
			return v
		}
	}
	return -1
}

func skynetMain(size, div int64) int64 {
	c := make(chan int64, 1)
	go skynet(c, 0, size, div)
	return <-c
}

func skynet(c chan int64, num, size, div int64) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int64, div)
	sub := size / div
	for i := int64(0); i < div; i++ {
		go skynet(rc, num+i*sub, sub, div)
	}
	var sum int64
	for i := int64(0); i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func pingpong(n int64) int64 {
	ping, pong := make(chan int64), make(chan int64)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	var v int64
	for i := int64(0); i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	return v
}

func spawn(n int64) int64 {
	done := make([]byte, n)
	var wg sync.WaitGroup
	wg.Add(int(n))
	for i := int64(0); i < n; i++ {
		i := i
		go func() {
			done[i] = 1
			wg.Done()
		}()
	}
	wg.Wait()
	var sum int64
	for _, b := range done {
		sum += int64(b)
	}
	return sum
}

func fibSeq(n int) int64 {
	if n < 2 {
		return int64(n)
	}
	return fibSeq(n-1) + fibSeq(n-2)
}

func fib(n, cutoff int) int64 {
	if n < cutoff {
		return fibSeq(n)
	}
	ch := make(chan int64, 1)
	go func() { ch <- fib(n-1, cutoff) }()
	b := fib(n-2, cutoff)
	return <-ch + b
}

func idleWakeup(n int64, consumers int, sleepus int64) int64 {
	ch := make(chan int64)
	sums := make([]int64, consumers)
	var wg sync.WaitGroup
	wg.Add(consumers)
	for k := 0; k < consumers; k++ {
		k := k
		go func() {
			var s int64
			for v := range ch {
				s += v
			}
			sums[k] = s
			wg.Done()
		}()
	}
	d := time.Duration(sleepus) * time.Microsecond
	for i := int64(0); i < n; i++ {
		time.Sleep(d)
		ch <- i
	}
	close(ch)
	wg.Wait()
	var total int64
	for _, s := range sums {
		total += s
	}
	return total
}

// splitmix64: the same pseudo-random durations as sched.bench.Workloads.sleepMicros.
func sleepMicros(seed, i, maxus int64) int64 {
	z := uint64(seed) + uint64(i+1)*0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	z ^= z >> 31
	return 1 + int64(z%uint64(maxus))
}

func timers(n, maxus, seed int64) int64 {
	var total int64
	var wg sync.WaitGroup
	wg.Add(int(n))
	for i := int64(0); i < n; i++ {
		d := sleepMicros(seed, i, maxus)
		go func() {
			time.Sleep(time.Duration(d) * time.Microsecond)
			atomic.AddInt64(&total, d)
			wg.Done()
		}()
	}
	wg.Wait()
	return total
}
