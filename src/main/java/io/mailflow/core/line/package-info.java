/** The typed model of a Web Crossing log line and the parser that reads one. */
package io.mailflow.core.line;
