package org.racetiming.ingest.feed.alkamel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.racetiming.ingest.feed.FeedFormatException;

/**
 * Where each column is, by header name: the 25-column (before 2023) and 29-column layouts, spaces
 * after semicolons, the byte-order mark and unknown extra columns all map the same way.
 */
final class AlKamelHeader {

    private final int[] index = new int[AlKamelColumn.values().length];
    private final int width;

    private AlKamelHeader(List<String> names) {
        Arrays.fill(index, -1);
        for (int i = 0; i < names.size(); i++) {
            try {
                AlKamelColumn column = AlKamelColumn.valueOf(names.get(i));
                if (index[column.ordinal()] < 0) {
                    index[column.ordinal()] = i;
                }
            } catch (IllegalArgumentException unknownColumn) {
                // Extra columns (S1_LARGE, HOUR, ...) carry nothing this adapter needs.
            }
        }
        width = names.size();
    }

    static AlKamelHeader of(CSVRecord header, String source) {
        List<String> names = new ArrayList<>(header.size());
        for (String raw : header) {
            names.add(raw.replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT));
        }
        // The trailing ';' makes an empty last name.
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        AlKamelHeader parsed = new AlKamelHeader(names);
        for (AlKamelColumn column : AlKamelColumn.values()) {
            if (column.required() && !parsed.has(column)) {
                throw new FeedFormatException(source + ": not an Al Kamel analysis header: no " + column + " column");
            }
        }
        return parsed;
    }

    boolean has(AlKamelColumn column) {
        return index[column.ordinal()] >= 0;
    }

    /** The trimmed value, or null when the column is absent or the field empty. */
    String get(CSVRecord row, AlKamelColumn column) {
        int i = index[column.ordinal()];
        if (i < 0) {
            return null;
        }
        String value = row.get(i).trim();
        return value.isEmpty() ? null : value;
    }

    /** Null when the row has the header's columns (with or without the trailing ';'), else what is wrong. */
    String checkWidth(CSVRecord row) {
        int size = row.size();
        if (size == width || (size == width + 1 && row.get(width).isBlank())) {
            return null;
        }
        return "wrong number of columns: " + size + " (expected " + width + ")";
    }
}
