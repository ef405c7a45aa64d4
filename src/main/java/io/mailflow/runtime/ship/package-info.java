/**
 * The line shipper behind {@code mailflow ship}: follows log files like {@code tail -F} and sends
 * each complete line to the lines topic exactly once, keeping its place in checkpoint files.
 */
package io.mailflow.runtime.ship;
