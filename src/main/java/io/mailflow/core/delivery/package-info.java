/**
 * The life of one outgoing delivery (a host, a message ID and one recipient) as a pure state
 * machine over parsed log events, and the matching of received mail to the deliveries it starts.
 */
package io.mailflow.core.delivery;
