/**
 * A small JSON tree, reader and writer for remoting headers and bodies. The reader accepts the
 * fastjson dialect real RocketMQ peers write (unquoted numeric keys, JSON objects as keys); the
 * writer always produces standard JSON.
 */
package io.duetmq.broker.json;
