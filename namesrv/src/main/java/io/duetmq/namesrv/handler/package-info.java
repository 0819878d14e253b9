/**
 * One {@code RequestHandler} per NameServer request code. Handlers get only the tables they use
 * (route tables, KV store) and answer immediately on the remoting server's handler pool.
 */
package io.duetmq.namesrv.handler;
