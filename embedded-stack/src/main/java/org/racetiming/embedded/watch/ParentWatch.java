package org.racetiming.embedded.watch;

import java.util.Optional;

/**
 * A Java agent for child JVMs we start but cannot change (the schema registry): it ends the child when the
 * process that started it is gone. A parent killed with {@code kill -9} runs no shutdown hook, so without this
 * the child would keep running, and its port, forever. The agent's argument is the parent's pid.
 *
 * <p>Only JDK classes are used here: the agent jar holds this class alone ({@link ParentWatchJar}).
 */
public final class ParentWatch {
    /** How often the parent is looked at: the child outlives a killed parent by at most this. */
    static final long POLL_MILLIS = 500;
    /** Exit code of a child whose parent was gone. */
    static final int ORPHANED = 3;

    private ParentWatch() {
    }

    public static void premain(String parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.strip()));
        if (parent.isEmpty() || !parent.get().isAlive()) {
            Runtime.getRuntime().halt(ORPHANED);
        }
        Thread watch = new Thread(() -> watch(parent.get()), "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(ProcessHandle parent) {
        // Polling rather than onExit(): for a process that is not our child the JDK polls anyway,
        // and a handle compares start times, so a reused pid is not mistaken for the parent.
        while (parent.isAlive()) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.err.println("parent process " + parent.pid() + " is gone: exiting");
        // A normal exit, so the registry closes its storage cleanly (a --data-dir database stays consistent).
        System.exit(ORPHANED);
    }
}
