package io.mailflow.generate;

import io.mailflow.core.line.EventType;

/**
 * A well-formed line of a service mailflow does not model, such as {@code webx} or {@code http}.
 */
final class OtherLine implements LineSource {
    private final String service;
    private final String status;
    private final String text;

    OtherLine(String service, String status, String text) {
        this.service = service;
        this.status = status;
        this.text = text;
    }

    @Override
    public EventType type(int part) {
        return EventType.OTHER;
    }

    @Override
    public void appendBody(int part, StringBuilder out) {
        WebCrossingFormat.appendOther(out, service, status, text);
    }

    @Override
    public Object subject() {
        return this;
    }
}
