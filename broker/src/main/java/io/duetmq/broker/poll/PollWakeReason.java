package io.duetmq.broker.poll;

/** Why a held poll request is handed back to its owner. */
public enum PollWakeReason {
  /** A watched queue grew beyond the request's offset: read again. */
  ARRIVED,
  /** The deadline passed (or the service closed): answer with whatever a read returns now. */
  EXPIRED
}
