package io.mailflow.topology;

/** What parsing made of one source line: an event for the tracker, or a reject to write. */
sealed interface LineResult permits ParsedLine, RejectRecord {}
