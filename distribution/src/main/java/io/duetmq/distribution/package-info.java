/**
 * Launchers and configuration loading: the only place that reads the command line, files and the
 * environment.
 */
package io.duetmq.distribution;
