package io.mailflow.runtime.ship;

/** The shipper stopped for a reason a restart would not cure; the message says which. */
public final class ShipperException extends Exception {
    public ShipperException(String message, Throwable cause) {
        super(message, cause);
    }
}
