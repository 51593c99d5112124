package org.racetiming.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs `timing classify` (or another `timing` command) in process, as a person would from the shell, and reads its table. */
record ClassifyRun(int exitCode, String out, String err) {

    static final Path DATA = Path.of(System.getProperty("timing.data.dir", "../shared/data"));

    static ClassifyRun classify(String... args) {
        return run("classify", args);
    }

    /** {@code timing NAME ARGS...} in process: its exit code, stdout and stderr. */
    static ClassifyRun run(String name, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = TimingCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        int code = command.execute(all);
        return new ClassifyRun(code, out.toString(), err.toString());
    }

    /** A race folder of the real data, or the test is skipped with a message saying where it looked. */
    static Path race(String folder) {
        Path dir = DATA.resolve(folder);
        assumeTrue(Files.isRegularFile(dir.resolve("analysis.csv")),
                () -> "real timing data not found at " + dir.toAbsolutePath() + " (set -Dtiming.data.dir): skipped");
        return dir;
    }

    List<Map<String, String>> table() {
        return parse(out);
    }

    static List<Map<String, String>> officialClassification(Path raceDir) {
        try {
            return parse(Files.readString(raceDir.resolve("classification.csv"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ;-separated table with a header line (a BOM and a trailing ; are tolerated). */
    static List<Map<String, String>> parse(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        String[] header = lines[0].split(";", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(";", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                row.put(header[c].trim(), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
