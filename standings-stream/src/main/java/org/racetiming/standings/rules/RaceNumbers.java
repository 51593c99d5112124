package org.racetiming.standings.rules;

import java.util.Comparator;

/**
 * Orders race numbers as people read them: by value ({@code 2} before {@code 10}), and, because a race number
 * is a string, {@code 007} and {@code 7} are different cars that still get a stable order between them.
 */
final class RaceNumbers {

    static final Comparator<String> ORDER = RaceNumbers::compare;

    private RaceNumbers() {
    }

    static int compare(String a, String b) {
        boolean aDigits = allDigits(a);
        boolean bDigits = allDigits(b);
        if (aDigits && bDigits) {
            String x = stripLeadingZeros(a);
            String y = stripLeadingZeros(b);
            int byValue = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (byValue != 0) {
                return byValue;
            }
        } else if (aDigits != bDigits) {
            return aDigits ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
