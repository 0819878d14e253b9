package io.duetmq.store.index;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Names of index files: the creation time as {@code yyyyMMddHHmmssSSS} in the system time zone, as
 * RocketMQ names them. Names must sort in creation order because files are loaded in name order, so
 * a new name is always made greater than the newest existing one, even when the clock stepped back.
 * Stateless.
 */
final class IndexFileNames {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  private static final Pattern NAME = Pattern.compile("\\d{17}");

  private IndexFileNames() {}

  static boolean isIndexFileName(String name) {
    return NAME.matcher(name).matches();
  }

  static String format(long epochMillis, ZoneId zone) {
    return FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
  }

  /**
   * The name for a file created now.
   *
   * @param newest the greatest existing name, or null
   * @param taken whether a name is already used (a file on disk); taken names are skipped 1 ms at a
   *     time
   */
  static String next(Clock clock, ZoneId zone, String newest, Predicate<String> taken) {
    long millis = clock.millis();
    if (newest != null && format(millis, zone).compareTo(newest) <= 0) {
      millis = LocalDateTime.parse(newest, FORMAT).atZone(zone).toInstant().toEpochMilli() + 1;
    }
    String name = format(millis, zone);
    // Bounded: only names of existing files (or a DST fold) are skipped.
    while ((newest != null && name.compareTo(newest) <= 0) || taken.test(name)) {
      millis++;
      name = format(millis, zone);
    }
    return name;
  }
}
