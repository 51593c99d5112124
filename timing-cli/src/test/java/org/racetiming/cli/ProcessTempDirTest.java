package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTempDirTest {

    @Test
    void shouldRemoveTheDirectoriesOfTimingProcessesThatAreGoneAndNothingElse(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path orphan = Files.createDirectories(tmp.resolve("timing-run-" + gone.pid() + "-123/kafka/log"));
        Path mine = Files.createDirectories(tmp.resolve("timing-run-" + ProcessHandle.current().pid() + "-456"));
        Path notOurs = Files.createDirectories(tmp.resolve("timing-demo-state"));
        Path aFile = Files.writeString(tmp.resolve("timing-run-1-file"), "a file, not a run's directory");

        ProcessTempDir.removeOrphans(tmp);

        assertThat(orphan.getParent().getParent()).doesNotExist();
        assertThat(mine).isDirectory();
        assertThat(notOurs).isDirectory();
        assertThat(aFile).isRegularFile();
    }
}
