/**
 * How the topology's records and store values become bytes: lean JSON for output topics, a compact
 * hand-written binary form for state that is written on every event and copied to changelogs.
 */
package io.mailflow.topology.serde;
