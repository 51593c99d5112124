package org.racetiming.embedded.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchIT {

    @Test
    void shouldEndAChildWhoseParentWasKilledWithoutWarning(@TempDir Path dir) throws Exception {
        Process parent = javaProcess(List.of(), WaitsForever.class);
        Process child = javaProcess(List.of("-javaagent:" + ParentWatchJar.write(dir) + "=" + parent.pid()), WaitsForever.class);
        try {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(child::isAlive);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs

            await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
            assertThat(child.exitValue()).isEqualTo(ParentWatch.ORPHANED);
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }

    @Test
    void shouldNotStartAChildWhoseParentIsAlreadyGone(@TempDir Path dir) throws Exception {
        Process gone = javaProcess(List.of(), WaitsForever.class);
        long pid = gone.pid();
        gone.destroyForcibly().waitFor();

        Process child = javaProcess(List.of("-javaagent:" + ParentWatchJar.write(dir) + "=" + pid), WaitsForever.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        assertThat(child.exitValue()).isEqualTo(ParentWatch.ORPHANED);
    }

    private static Process javaProcess(List<String> jvmOptions, Class<?> main) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A process that runs until it is ended: a stand-in for the parent and for the registry. */
    public static final class WaitsForever {
        public static void main(String[] args) throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
