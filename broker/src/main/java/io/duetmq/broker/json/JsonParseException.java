package io.duetmq.broker.json;

/** Thrown by {@link JsonReader} for text that is not JSON (in the accepted dialect). */
public final class JsonParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * @param reason what was wrong
   * @param position the character index in the input where the problem was found
   */
  public JsonParseException(String reason, int position) {
    super(reason + " at character " + position);
    this.position = position;
  }

  /** The character index in the input where the problem was found. */
  public int position() {
    return position;
  }
}
