/**
 * Integration tests against a real Kafka broker, run by failsafe in {@code mvn verify}; the broker
 * is started once per test JVM and shared by every test class.
 */
package io.mailflow.it;
