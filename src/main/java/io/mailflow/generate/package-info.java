/**
 * Writes realistic Web Crossing logs of many hosts together with their exact ground truth, so that
 * every later layer can be tested against known answers. Knows nothing of Kafka.
 */
package io.mailflow.generate;
