package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A port the demo cannot use is refused at once, before the stack starts (which takes seconds). */
class PortRefusalTest {

    @Test
    void shouldRefuseAPortInUseWithAHint() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

            assertThatThrownBy(() -> LocalPort.requireFree("127.0.0.1", taken.getLocalPort(), "--port"))
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .hasMessageEndingWith("choose another with --port");
        }
    }

    @Test
    void shouldRefuseAPortOutOfRangeAndAcceptAnyFreePort() {
        assertThatThrownBy(() -> LocalPort.requireFree(null, 99_999, "--port"))
                .hasMessage("port 99999 is out of range (0-65535; 0 = any free port): choose another with --port");
        LocalPort.requireFree("127.0.0.1", 0, "--port");
    }

    @Test
    void shouldEndTheDemoWithOneLineBeforeStartingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            StringWriter err = new StringWriter();
            CommandLine timing = TimingCommand.commandLine();
            timing.setErr(new PrintWriter(err));

            int exit = timing.execute("demo", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).startsWith("timing: port " + taken.getLocalPort()).doesNotContain("\n");
        }
    }
}
