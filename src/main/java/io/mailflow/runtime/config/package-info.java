/**
 * The configuration of {@code mailflow run}: every key with its doc, default and validation, read
 * from flags, environment variables and a properties file, and checked at start-up.
 */
package io.mailflow.runtime.config;
