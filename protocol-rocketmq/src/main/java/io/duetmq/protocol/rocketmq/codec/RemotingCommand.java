package io.duetmq.protocol.rocketmq.codec;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One remoting request or response: the header fields, the "custom header" {@code extFields} and
 * the body.
 *
 * <p>Immutable except for the body array, which is shared, not copied (bodies are up to megabytes
 * on the send path): whoever hands a body to a command must not modify it afterwards, and readers
 * must not modify {@link #body()}. {@code extFields} is never null (an absent map is empty), keeps
 * insertion order, and holds no null keys or values. {@code body} is null when there are no body
 * bytes: an empty array given to a constructor or {@link #withBody} is stored as null, as the wire
 * cannot tell the two apart.
 *
 * <p>{@link #serializeType()} is the header encoding the command arrived in (or will be sent in);
 * {@link #responseTo} copies it so that we answer in the caller's encoding.
 *
 * <p>Thread-safety: safe to share once built.
 */
public final class RemotingCommand {

  /**
   * The {@code version} we put on commands we create: RocketMQ 5.3.3's version ordinal. Clients
   * record a broker's version from its HEART_BEAT response, and 0 disables features.
   */
  public static final int OUR_VERSION = 479;

  /** Flag bit 0: the command is a response. */
  public static final int FLAG_RESPONSE = 0x1;

  /** Flag bit 1: the request is oneway and must not be answered. */
  public static final int FLAG_ONEWAY = 0x2;

  private final int code;
  private final LanguageCode language;
  private final int version;
  private final int opaque;
  private final int flag;
  private final String remark;
  private final Map<String, String> extFields;
  private final byte[] body;
  private final SerializeType serializeType;

  /**
   * Creates a command from all its fields.
   *
   * @param remark nullable free text
   * @param extFields nullable (= empty); copied; no null keys or values
   * @param body nullable; not copied (see the class comment)
   */
  public RemotingCommand(
      int code,
      LanguageCode language,
      int version,
      int opaque,
      int flag,
      String remark,
      Map<String, String> extFields,
      byte[] body,
      SerializeType serializeType) {
    this(
        code,
        language,
        version,
        opaque,
        flag,
        remark,
        copyExtFields(extFields),
        body,
        serializeType,
        true);
  }

  /** Shares an already copied, unmodifiable ext map. */
  private RemotingCommand(
      int code,
      LanguageCode language,
      int version,
      int opaque,
      int flag,
      String remark,
      Map<String, String> extFields,
      byte[] body,
      SerializeType serializeType,
      boolean trusted) {
    this.code = code;
    this.language = Objects.requireNonNull(language, "language");
    this.version = version;
    this.opaque = opaque;
    this.flag = flag;
    this.remark = remark;
    this.extFields = extFields;
    this.body = body != null && body.length == 0 ? null : body;
    this.serializeType = Objects.requireNonNull(serializeType, "serializeType");
  }

  /**
   * A request from us: language JAVA, version {@link #OUR_VERSION}, opaque 0 (the sender assigns
   * it), flag 0, JSON header.
   */
  public static RemotingCommand request(int code, Map<String, String> extFields, byte[] body) {
    return new RemotingCommand(
        code, LanguageCode.JAVA, OUR_VERSION, 0, 0, null, extFields, body, SerializeType.JSON);
  }

  /**
   * A response to {@code request}: same opaque and serialize type, flag {@link #FLAG_RESPONSE},
   * language JAVA, version {@link #OUR_VERSION}, no ext fields and no body (add them with {@link
   * #withExtFields} and {@link #withBody}).
   */
  public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
    return new RemotingCommand(
        code,
        LanguageCode.JAVA,
        OUR_VERSION,
        request.opaque,
        FLAG_RESPONSE,
        remark,
        Map.of(),
        null,
        request.serializeType,
        true);
  }

  /** Copy with another opaque. */
  public RemotingCommand withOpaque(int newOpaque) {
    return new RemotingCommand(
        code, language, version, newOpaque, flag, remark, extFields, body, serializeType, true);
  }

  /** Copy with another flag. */
  public RemotingCommand withFlag(int newFlag) {
    return new RemotingCommand(
        code, language, version, opaque, newFlag, remark, extFields, body, serializeType, true);
  }

  /** Copy with another body (not copied; nullable). */
  public RemotingCommand withBody(byte[] newBody) {
    return new RemotingCommand(
        code, language, version, opaque, flag, remark, extFields, newBody, serializeType, true);
  }

  /** Copy with other ext fields (copied; nullable = empty). */
  public RemotingCommand withExtFields(Map<String, String> newExtFields) {
    return new RemotingCommand(
        code,
        language,
        version,
        opaque,
        flag,
        remark,
        copyExtFields(newExtFields),
        body,
        serializeType,
        true);
  }

  /** Copy that will be sent with another header encoding. */
  public RemotingCommand withSerializeType(SerializeType newType) {
    return new RemotingCommand(
        code, language, version, opaque, flag, remark, extFields, body, newType, true);
  }

  /** Request code for requests, response code for responses. */
  public int code() {
    return code;
  }

  public LanguageCode language() {
    return language;
  }

  /** The sender's product version ordinal (479 = RocketMQ 5.3.3). */
  public int version() {
    return version;
  }

  /** Request id; a response carries its request's opaque. */
  public int opaque() {
    return opaque;
  }

  public int flag() {
    return flag;
  }

  /** Nullable free text, e.g. an error message. */
  public String remark() {
    return remark;
  }

  /** Unmodifiable, insertion-ordered, never null. */
  public Map<String, String> extFields() {
    return extFields;
  }

  /** The value of one ext field, or null. */
  public String extField(String key) {
    return extFields.get(key);
  }

  /** The body, or null; shared, do not modify. */
  public byte[] body() {
    return body;
  }

  public SerializeType serializeType() {
    return serializeType;
  }

  /** True when flag bit 0 is set. */
  public boolean isResponse() {
    return (flag & FLAG_RESPONSE) != 0;
  }

  /** True when flag bit 1 is set: the peer expects no response. */
  public boolean isOneway() {
    return (flag & FLAG_ONEWAY) != 0;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RemotingCommand other)) {
      return false;
    }
    return code == other.code
        && version == other.version
        && opaque == other.opaque
        && flag == other.flag
        && language == other.language
        && serializeType == other.serializeType
        && Objects.equals(remark, other.remark)
        && extFields.equals(other.extFields)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, version, opaque, flag, language, serializeType, remark, extFields)
            * 31
        + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "RemotingCommand[code="
        + code
        + ", language="
        + language
        + ", version="
        + version
        + ", opaque="
        + opaque
        + ", flag="
        + flag
        + ", remark="
        + remark
        + ", extFields="
        + extFields
        + ", body="
        + (body == null ? "null" : body.length + " bytes")
        + ", serializeType="
        + serializeType
        + "]";
  }

  private static Map<String, String> copyExtFields(Map<String, String> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>(source);
    for (Map.Entry<String, String> entry : copy.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new IllegalArgumentException(
            "extFields must not hold null keys or values: "
                + entry.getKey()
                + "="
                + entry.getValue());
      }
    }
    return Collections.unmodifiableMap(copy);
  }
}
