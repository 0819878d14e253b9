package io.duetmq.protocol.rocketmq.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for commands, shared by codec and pipeline properties. */
public final class RemotingCommandArbitraries {

  private RemotingCommandArbitraries() {}

  /**
   * Valid Unicode text (no unpaired surrogates, which UTF-8 cannot carry): mostly ASCII including
   * control characters such as RocketMQ's 0x01/0x02 separators, plus BMP and supplementary
   * characters.
   */
  public static Arbitrary<String> text(int maxCodePoints) {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
            Tuple.of(2, Arbitraries.of(0x00, 0x01, 0x02, 0x0A, 0x1F, 0x22, 0x5C, 0x7B, 0x3A)),
            Tuple.of(1, Arbitraries.integers().between(0x80, 0xD7FF)),
            Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return codePoint
        .list()
        .ofMaxSize(maxCodePoints)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  /** Ext maps of up to 8 entries, keys and values from {@link #text}, empty values included. */
  public static Arbitrary<Map<String, String>> extFields() {
    return Arbitraries.maps(text(12), text(30)).ofMaxSize(8);
  }

  /** Commands whose code and version fit both header encodings. */
  public static Arbitrary<RemotingCommand> commands(SerializeType type) {
    return Combinators.combine(
            Arbitraries.shorts().map(Short::intValue),
            Arbitraries.of(LanguageCode.class),
            Arbitraries.shorts().map(Short::intValue),
            Arbitraries.integers(),
            Arbitraries.integers(),
            text(40).injectNull(0.3),
            extFields(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.3))
        .as(
            (code, language, version, opaque, flag, remark, ext, body) ->
                new RemotingCommand(
                    code, language, version, opaque, flag, remark, ext, body, type));
  }

  /**
   * What {@code command} looks like after a trip through its own header encoding: the binary header
   * cannot carry empty strings (length 0 means null), so an empty remark becomes null and ext
   * entries with an empty value disappear.
   */
  public static RemotingCommand afterRoundTrip(RemotingCommand command) {
    if (command.serializeType() == SerializeType.JSON) {
      return command;
    }
    Map<String, String> ext = new LinkedHashMap<>();
    command
        .extFields()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                ext.put(k, v);
              }
            });
    String remark =
        command.remark() == null || command.remark().isEmpty() ? null : command.remark();
    return new RemotingCommand(
        command.code(),
        command.language(),
        command.version(),
        command.opaque(),
        command.flag(),
        remark,
        ext,
        command.body(),
        command.serializeType());
  }
}
