/**
 * NameServer request and response bodies as pure functions of bytes: the REGISTER_BROKER body
 * (plain JSON and the deflated form), and the JSON of routes, cluster info and topic lists in the
 * standard or fastjson dialect real clients expect.
 */
package io.duetmq.namesrv.codec;
