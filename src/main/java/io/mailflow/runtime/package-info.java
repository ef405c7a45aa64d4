/** The runtime layer: command line, embedded broker, HTTP server and log shipper. */
package io.mailflow.runtime;
