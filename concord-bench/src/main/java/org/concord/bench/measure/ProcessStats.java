package org.concord.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time and memory of this process and of other processes by pid, read from the JVM and from
 * {@code /proc} (Linux). Where {@code /proc} is missing the figures are absent, never made up.
 */
public final class ProcessStats {
    /** Clock ticks per second of {@code /proc/PID/stat}; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStats() {}

    /** CPU time this JVM has used, all threads, in nanoseconds. */
    public static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) {
                return t;
            }
        }
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Resident memory now, in bytes ({@code VmRSS}). */
    public static OptionalLong rssBytes() {
        return statusField("VmRSS");
    }

    /** Highest resident memory of this process so far, in bytes ({@code VmHWM}). */
    public static OptionalLong peakRssBytes() {
        return statusField("VmHWM");
    }

    /**
     * CPU time (user + system) of a process and of the children it has waited for, in nanoseconds;
     * empty if the process is gone.
     */
    public static OptionalLong cpuNanosOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name may hold spaces and parentheses: fields start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return OptionalLong.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU of a process and all its descendants alive now, in nanoseconds. */
    public static long treeCpuNanos(ProcessHandle root) {
        long sum = cpuNanosOf(root.pid()).orElse(0);
        for (ProcessHandle child : root.descendants().toList()) {
            sum += cpuNanosOf(child.pid()).orElse(0);
        }
        return sum;
    }

    /** CPU used by the children of this JVM that have ended and been waited for (e.g. a finished vdirsyncer). */
    public static long reapedChildrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
    public static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return List.of(one, one, one);
        }
    }

    private static OptionalLong statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return OptionalLong.empty();
    }
}
