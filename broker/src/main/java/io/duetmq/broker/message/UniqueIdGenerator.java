package io.duetmq.broker.message;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Generates {@code UNIQ_KEY} values for messages that arrive without one, in the layout RocketMQ
 * clients use (reference §3.2): host address (4 or 16 bytes), process id (low 16 bits), a per
 * process int, milliseconds since the start of the current month in the clock's zone (int), and a
 * 16-bit counter, as upper-case hex.
 *
 * <p>Thread-safety: thread-safe ({@link #next()} is synchronized; it is cheap).
 */
public final class UniqueIdGenerator {
  private final Clock clock;
  private final byte[] prefix;
  private long monthStart;
  private long nextMonthStart;
  private short counter;

  /**
   * @param hostAddress this broker's address (4 or 16 bytes)
   * @param processId the process id (its low 16 bits are used)
   * @param instanceSalt distinguishes generators in one process (RocketMQ uses a class-loader hash)
   * @param clock the time source
   */
  public UniqueIdGenerator(byte[] hostAddress, long processId, int instanceSalt, Clock clock) {
    if (hostAddress.length != 4 && hostAddress.length != 16) {
      throw new IllegalArgumentException(
          "host address length " + hostAddress.length + " is not 4 or 16");
    }
    this.clock = clock;
    this.prefix =
        ByteBuffer.allocate(hostAddress.length + 6)
            .put(hostAddress)
            .putShort((short) processId)
            .putInt(instanceSalt)
            .array();
  }

  /** A new unique id: 32 hex chars for an IPv4 host, 56 for IPv6. */
  public synchronized String next() {
    long now = clock.millis();
    if (now >= nextMonthStart || now < monthStart) {
      ZonedDateTime start =
          Instant.ofEpochMilli(now)
              .atZone(clock.getZone())
              .withDayOfMonth(1)
              .truncatedTo(ChronoUnit.DAYS);
      monthStart = start.toInstant().toEpochMilli();
      nextMonthStart = start.plusMonths(1).toInstant().toEpochMilli();
    }
    ByteBuffer bytes = ByteBuffer.allocate(prefix.length + 6);
    bytes.put(prefix).putInt((int) (now - monthStart)).putShort(counter++);
    return MessageIds.toHex(bytes.array());
  }
}
