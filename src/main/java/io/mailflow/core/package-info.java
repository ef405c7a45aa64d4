/**
 * The domain core: Web Crossing's log lines, their errors and the life of a delivery. Nothing in it
 * or below it knows about Kafka, HTTP or the command line.
 */
package io.mailflow.core;
