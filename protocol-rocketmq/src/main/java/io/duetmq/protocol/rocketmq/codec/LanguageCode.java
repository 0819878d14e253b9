package io.duetmq.protocol.rocketmq.codec;

/**
 * The sender language of a remoting command. JSON headers carry the constant's name, binary headers
 * its {@link #code()} byte (= the ordinal in RocketMQ 5.x).
 */
public enum LanguageCode {
  JAVA,
  CPP,
  DOTNET,
  PYTHON,
  DELPHI,
  ERLANG,
  RUBY,
  OTHER,
  HTTP,
  GO,
  PHP,
  OMS,
  RUST,
  NODE_JS;

  private static final LanguageCode[] BY_CODE = values();

  /** The byte written in binary headers. */
  public byte code() {
    return (byte) ordinal();
  }

  /**
   * Maps a binary header's language byte; codes this version does not know (a newer client) map to
   * {@link #OTHER} instead of failing the request, because the language never changes how we
   * answer.
   */
  public static LanguageCode fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
  }

  /** Maps a JSON header's language name; unknown names map to {@link #OTHER}. */
  public static LanguageCode fromName(String name) {
    for (LanguageCode language : BY_CODE) {
      if (language.name().equals(name)) {
        return language;
      }
    }
    return OTHER;
  }
}
