package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `timing stack` in process: the two export lines, a stop on interrupt (what Ctrl-C does), and the same lines after a restart. */
class StackCommandIT {

    private static final Pattern LINES = Pattern.compile(
            "export KAFKA_BOOTSTRAP_SERVERS=(127\\.0\\.0\\.1:(\\d+))\\R+export SCHEMA_REGISTRY_URL=(http://127\\.0\\.0\\.1:(\\d+)/apis/ccompat/v7)\\R+");

    @Test
    void shouldPrintTheVariablesStopOnInterruptAndKeepTheAddressesWithADataDirectory(@TempDir Path dataDir) throws Exception {
        String first = runUntilReadyThenInterrupt(dataDir);
        Matcher lines = LINES.matcher(first);
        assertThat(lines.matches()).as(first).isTrue();
        assertThat(accepts(Integer.parseInt(lines.group(2)))).as("broker stopped").isFalse();
        assertThat(accepts(Integer.parseInt(lines.group(4)))).as("registry stopped").isFalse();

        String second = runUntilReadyThenInterrupt(dataDir);

        assertThat(second).isEqualTo(first);
    }

    private static String runUntilReadyThenInterrupt(Path dataDir) throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread command = new Thread(() -> exit.set(TimingCommand.commandLine().setOut(new PrintWriter(out, true))
                .execute("stack", "--data-dir", dataDir.toString())), "timing-stack");
        command.start();
        await().atMost(Duration.ofMinutes(3)).until(() -> LINES.matcher(out.toString()).matches());
        Matcher lines = LINES.matcher(out.toString());
        assertThat(lines.matches()).isTrue();
        assertThat(accepts(Integer.parseInt(lines.group(2)))).as("broker listening").isTrue();

        command.interrupt();
        command.join(Duration.ofSeconds(30).toMillis());

        assertThat(command.isAlive()).as("stopped").isFalse();
        assertThat(exit.get()).isZero();
        return out.toString();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
