package io.duetmq.protocol.kafka.topic;

/**
 * What a catalog change produced.
 *
 * @param status the outcome
 * @param message why it failed, carrying the offending values; null when OK
 * @param topic the topic after the change; null on failure and after a delete
 */
public record CatalogResult(CatalogStatus status, String message, TopicInfo topic) {

  public static CatalogResult ok(TopicInfo topic) {
    return new CatalogResult(CatalogStatus.OK, null, topic);
  }

  public static CatalogResult failed(CatalogStatus status, String message) {
    return new CatalogResult(status, message, null);
  }

  public boolean isOk() {
    return status == CatalogStatus.OK;
  }
}
