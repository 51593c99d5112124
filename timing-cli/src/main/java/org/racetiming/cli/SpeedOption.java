package org.racetiming.cli;

import org.racetiming.ingest.publish.Pacer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --speed N|max}: a positive factor, or max for as fast as possible. */
final class SpeedOption implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        try {
            return Pacer.parseSpeed(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
