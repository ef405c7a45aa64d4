package io.mailflow.topology;

/** A record the tracker writes: one of the topology's output topics per kind. */
public sealed interface MailOutput
        permits OutcomeRecord, ErrorRecord, InboundRecord, SessionRecord {}
