package org.racetiming.ingest.feed.alkamel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small Al Kamel analysis texts for tests, column by name, in either layout. */
public final class AnalysisCsv {

    static final List<String> COLUMNS_2016 = List.of("NUMBER", "DRIVER_NUMBER", "LAP_NUMBER", "LAP_TIME", "LAP_IMPROVEMENT",
            "CROSSING_FINISH_LINE_IN_PIT", "S1", "S1_IMPROVEMENT", "S2", "S2_IMPROVEMENT", "S3", "S3_IMPROVEMENT", "KPH",
            "ELAPSED", "HOUR", "S1_LARGE", "S2_LARGE", "S3_LARGE", "TOP_SPEED", "DRIVER_NAME", "PIT_TIME", "CLASS", "GROUP",
            "TEAM", "MANUFACTURER");
    static final List<String> COLUMNS_2023 = concat(COLUMNS_2016, List.of("FLAG_AT_FL", "S1_SECONDS", "S2_SECONDS", "S3_SECONDS"));

    private final List<String> columns;
    private final List<String> lines = new ArrayList<>();

    private AnalysisCsv(List<String> columns) {
        this.columns = columns;
    }

    public static AnalysisCsv format2023() {
        return new AnalysisCsv(COLUMNS_2023);
    }

    static AnalysisCsv format2016() {
        return new AnalysisCsv(COLUMNS_2016);
    }

    /** Header as Al Kamel writes it: spaces after the first semicolons, a trailing ';'. */
    String header() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            header.append(columns.get(i)).append(i < 14 ? "; " : ";");
        }
        return header.toString();
    }

    /** A lap row with plausible defaults: S1 30 s, S2 40 s, S3 the rest, green flag. */
    public static Row lap(String car, int seat, int lap, String lapTime, String elapsed) {
        return new Row()
                .with("NUMBER", car).with("DRIVER_NUMBER", String.valueOf(seat)).with("LAP_NUMBER", String.valueOf(lap))
                .with("LAP_TIME", lapTime).with("S1", "30.000").with("S2", "40.000").with("S3", "40.000")
                .with("KPH", "200.5").with("ELAPSED", elapsed).with("HOUR", "12:00:00.000").with("TOP_SPEED", "310.2")
                .with("DRIVER_NAME", "Driver " + car + "-" + seat).with("CLASS", "HYPERCAR").with("GROUP", "H")
                .with("TEAM", "Team " + car).with("MANUFACTURER", "Maker " + car).with("FLAG_AT_FL", "GF")
                .with("LAP_IMPROVEMENT", "0").with("S1_IMPROVEMENT", "0").with("S2_IMPROVEMENT", "0").with("S3_IMPROVEMENT", "0");
    }

    public AnalysisCsv add(Row row) {
        return raw(line(row));
    }

    /** Any text as a line, e.g. garbage. */
    AnalysisCsv raw(String line) {
        lines.add(line);
        return this;
    }

    String line(Row row) {
        StringBuilder line = new StringBuilder();
        for (String column : columns) {
            line.append(row.values.getOrDefault(column, "")).append(';');
        }
        return line.toString();
    }

    /** With BOM and CRLF line ends, as the real files are. */
    public String text() {
        return "\uFEFF" + header() + "\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    public static final class Row {
        private final Map<String, String> values = new LinkedHashMap<>();

        public Row with(String column, String value) {
            values.put(column, value);
            return this;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
