/**
 * The HTTP layer: the query API over the delivery stores, health probes, Prometheus metrics and the
 * live dashboard, served by the JDK's own HTTP server.
 */
package io.mailflow.runtime.http;
