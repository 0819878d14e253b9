/**
 * The NameServer: {@link io.duetmq.namesrv.NameServer} wires the remoting server, one handler per
 * request code, the broker expiry scan and the optional HTTP address endpoint; {@link
 * io.duetmq.namesrv.NameServerConfig} holds its settings.
 */
package io.duetmq.namesrv;
