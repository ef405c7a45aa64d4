package io.mailflow.topology;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.line.LogEvent;

/**
 * A line read into an event; error events carry the classifier's verdict, made once here.
 *
 * @param event the event
 * @param classification the verdict on the error text, for delivery errors; else null
 */
record ParsedLine(LogEvent event, Classification classification) implements LineResult {}
