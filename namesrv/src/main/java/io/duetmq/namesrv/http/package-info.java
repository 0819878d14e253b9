/**
 * The HTTP "address server" endpoint: RocketMQ clients configured with {@code
 * rocketmq.namesrv.domain} fetch the NameServer address list from {@code /rocketmq/<subgroup>}.
 */
package io.duetmq.namesrv.http;
