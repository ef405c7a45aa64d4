/**
 * A real single-node Kafka broker that mailflow can start by itself, and the provisioning of the
 * topics the pipeline needs on any cluster.
 */
package io.mailflow.runtime.broker;
