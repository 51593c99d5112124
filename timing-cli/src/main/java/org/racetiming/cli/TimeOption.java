package org.racetiming.cli;

import org.racetiming.time.RaceTime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A session time option ({@code H:MM:SS.mmm}, {@code H:MM:SS}, {@code M:SS.mmm}) in milliseconds. */
final class TimeOption implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            return RaceTime.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a session time (expected H:MM:SS.mmm)");
        }
    }
}
